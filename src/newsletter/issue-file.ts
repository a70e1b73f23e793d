/**
 * The newsletter as a markdown file with front matter: `issue.md` in the export folder, and
 * `content/newsletters/<issue-id>.md`, which the site publishes at `/newsletter/<issue-id>/`.
 * The front matter's schema is the site's content collection schema, so a file this writes is
 * one the site build accepts.
 */
import matter from 'gray-matter';
import {
  type NewsletterFrontMatter,
  newsletterFrontMatterSchema,
} from '../content/newsletter-front-matter.ts';
import { frontMatterEngine } from '../yaml-data.ts';
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
  // The drafts' writer: one line per field, the `yaml` package that reads it back.
  return matter.stringify(`\n${body.trim()}\n`, frontMatter, { engines: { yaml: frontMatterEngine } });
}
