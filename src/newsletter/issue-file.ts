/**
 * The newsletter as a markdown file with front matter: `issue.md` in the export folder, and
 * `content/newsletters/<issue-id>.md`, which the site publishes at `/newsletter/<issue-id>/`.
 * The front matter's schema is the site's content collection schema, so a file this writes is
 * one the site build accepts.
 */
import matter from 'gray-matter';
import { type NewsletterFrontMatter, newsletterFrontMatterSchema } from '../site/newsletter-front-matter.ts';
import type { Issue } from './issue.ts';

export function issueFrontMatter(issue: Issue): NewsletterFrontMatter {
  return newsletterFrontMatterSchema.parse({
    issueId: issue.id,
    title: issue.title,
    subject: issue.subject,
    from: issue.range.from,
    to: issue.range.to,
    articles: issue.articles.map((a) => a.id),
    preheader: issue.preheader,
  });
}

export function serializeIssueFile(frontMatter: NewsletterFrontMatter, body: string): string {
  // Unlimited line width keeps each field on one line, as the drafts' front matter is written.
  return matter.stringify(`\n${body.trim()}\n`, frontMatter, { lineWidth: -1 } as never);
}
