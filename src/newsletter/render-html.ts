/**
 * The email's HTML: the mustache shell in templates/newsletter/email.mustache, filled with the
 * issue, then juice moves the template's first `<style>` onto the elements it names, because some
 * clients (Gmail with a non-Google account, older Outlooks) drop `<head>` styles. That block holds
 * only what such a client must still get, set on the cells and inherited, so it is not repeated
 * on every paragraph; the second block (`data-embed`: spacing, tables, the phone layout, dark
 * mode) stays in `<head>` once. This keeps a week of pieces far below Gmail's clip.
 */
import juice from 'juice';
import Mustache from 'mustache';
import { checkTemplate, type TemplateSource } from '../drafts/strict-template.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { escapeHtml } from '../html-escape.ts';
import { tagLinks } from './article-markdown.ts';
import type { Issue } from './issue.ts';
import { blocksToSafeHtml } from './sanitize.ts';
import { emailTagger, UNSUBSCRIBE_MERGE_TAG } from './site-links.ts';

export interface RenderedEmail {
  html: string;
  /** UTF-8 bytes of each article's block in the final HTML, in issue order. */
  articleBytes: { id: string; bytes: number }[];
}

/**
 * Invisible characters after the preheader: without them a client fills the rest of the preview
 * line with the start of the body (the masthead), which repeats the subject.
 */
const PREHEADER_PADDING = '&zwnj;&nbsp;'.repeat(60);

const ARTICLE_BLOCK = /<!--wc:article:([^>]*?)-->([\s\S]*?)<!--\/wc:article-->\n?/g;

export function renderEmailHtml(issue: Issue, template: TemplateSource): RenderedEmail {
  const view = emailView(issue);
  const problems = checkTemplate(template, view);
  if (problems.length > 0) {
    throw new WirecopyError(Errors.TemplateInvalid, `${template.file} cannot render the newsletter.`, {
      details: problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`),
      hint: 'Fix the names in the template; src/newsletter/render-html.ts (emailView) lists what it may print.',
    });
  }
  // Only the first <style> is inlined (and then removed); the one marked `data-embed` stays in
  // <head> as written, so its rules are sent once instead of on every element.
  const inlined = juice(Mustache.render(template.text, view, {}, { escape: escapeHtml }), {
    removeStyleTags: true,
    preserveMediaQueries: true,
    preserveFontFaces: false,
    applyAttributesTableElements: true,
    inlinePseudoElements: false,
  });
  // The markers let each article's share of the size budget be measured after inlining, which
  // is where most bytes are added; they are removed before the file is written.
  const articleBytes: RenderedEmail['articleBytes'] = [];
  const html = inlined.replace(ARTICLE_BLOCK, (_, id: string, block: string) => {
    articleBytes.push({ id, bytes: Buffer.byteLength(block) });
    return block;
  });
  return { html, articleBytes };
}

function emailView(issue: Issue) {
  const tag = emailTagger(issue.id);
  return {
    subject: issue.subject,
    preheader: issue.preheader,
    preheader_padding: PREHEADER_PADDING,
    publication: issue.publicationName,
    title: issue.title,
    range_label: issue.rangeLabel,
    // The default title of a custom range is the range itself: print it once.
    show_range: issue.title !== issue.rangeLabel,
    home_url: tag(issue.links.home),
    web_url: tag(issue.links.archive),
    methodology_url: tag(issue.links.methodology),
    unsubscribe_url: UNSUBSCRIBE_MERGE_TAG,
    disclaimers: issue.disclaimers,
    postal_address: issue.postalAddress ? [issue.postalAddress] : [],
    articles: issue.articles.map((article) => ({
      id: article.id,
      url: tag(article.url),
      title: article.title,
      as_of_label: article.asOfLabel,
      demo: article.demo,
      summary: article.summary,
      body_html: blocksToSafeHtml(tagLinks(article.excerpt, tag)),
      charts: article.chart ? [{ ...article.chart }] : [],
    })),
  };
}
