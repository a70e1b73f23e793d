/**
 * A piece as readers will see it, for the desk's page pane, made by the site's own code: the body
 * through the markdown processor of Astro's content layer, then the site's sanitizer and fact
 * highlighting (site/lib/article-html.ts, as the editors' preview prints drafts), and the article
 * through site/components/ArticleView.astro (site-render.ts), with the site's stylesheet. Front
 * matter the site's schema refuses is shown as the preview shows it: a note, the title and the
 * body. The page carries no script and is served with a CSP that allows none.
 */
import { frontMatterSchema } from '../content/front-matter.ts';
import { escapeHtml } from '../html-escape.ts';
import { findFrontMatter, readDraftSource } from '../review/draft-source.ts';
import type { SiteRenderer } from './site-render.ts';

export async function readerPage(
  draftText: string,
  site: SiteRenderer,
  options: { title: string; css: string },
): Promise<string> {
  const source = readDraftSource(draftText);
  const body = draftText.slice(findFrontMatter(draftText)?.bodyStart ?? 0);
  const parsed = frontMatterSchema.safeParse(source.data ?? {});
  const data = parsed.success ? parsed.data : undefined;
  const html = site.bodyHtml(
    { id: options.title, rendered: { html: await site.markdown(body) } },
    { highlightFacts: true, facts: data?.facts, asOf: data?.asOf },
  );
  let article: string;
  if (data) {
    article = await site
      .article({ data, html, markdown: body })
      .catch((error: unknown) =>
        refused(source.data, html, [
          `The site cannot draw this piece: ${error instanceof Error ? error.message : String(error)}`,
        ]),
      );
  } else {
    const issues = parsed.error?.issues ?? [];
    article = refused(
      source.data,
      html,
      issues.map((issue) => `${issue.path.join('.') || 'front matter'}: ${issue.message}`),
    );
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(options.title)}</title><style>${options.css}</style></head><body><main>${article}</main></body></html>`;
}

/** What the preview page (site/preview/drafts/[id].astro) shows for a draft it cannot lay out. */
function refused(data: Record<string, unknown> | undefined, html: string, problems: string[]): string {
  const title = typeof data?.['title'] === 'string' ? data['title'] : '';
  const list = problems.map((p) => `<li>${escapeHtml(p)}</li>`).join('');
  return `<article class="piece"><div class="draft-banner" role="note"><p><strong>Front matter the site refuses</strong>: readers would not see this piece.</p><ul>${list}</ul></div><h1>${escapeHtml(title)}</h1><div class="body">${html}</div></article>`;
}
