/**
 * `/rss.xml`: every published piece with its full text (sanitized, fact marks dropped, the
 * disclaimer added when the body does not print it), newest first.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escapeHtml } from '../../src/html-escape.ts';
import { bodyHasDisclaimer, bodyHtml } from '../lib/article-html.ts';
import { articleUrl, publishedArticles } from '../lib/articles.ts';
import { publication } from '../lib/site-config.ts';

export async function GET(context: APIContext) {
  const articles = await publishedArticles();
  return rss({
    title: publication.name,
    description: 'Market commentary on US small caps: the Russell 2000 against the market, in numbers.',
    site: context.site ?? publication.siteUrl,
    trailingSlash: true,
    items: articles.map((article) => {
      const { data } = article;
      const disclaimer = bodyHasDisclaimer(article.body, publication.disclaimer)
        ? ''
        : `<p><em>${escapeHtml(publication.disclaimer)}</em></p>`;
      const demo = data.dataset === 'demo' ? '<p><strong>Demo data:</strong> not market data.</p>' : '';
      return {
        // Text by the RSS spec, but some readers render it as HTML: no tag can open in it.
        title: withoutTags(data.title),
        link: articleUrl(article),
        pubDate: publishedAt(data.review?.at, data.date),
        // RSS readers show an item's description as HTML: the summary is text, so escape it.
        description: escapeHtml(data.summary),
        content: demo + bodyHtml(article, { highlightFacts: false }) + disclaimer,
        categories: data.tags.map(withoutTags),
      };
    }),
    customData: '<language>en-us</language>',
  });
}

/** When the piece was approved; its as-of date when the review time is missing or unreadable. */
function publishedAt(reviewedAt: string | undefined, date: string): Date {
  const at = reviewedAt ? new Date(reviewedAt) : undefined;
  return at && !Number.isNaN(at.getTime()) ? at : new Date(`${date}T00:00:00Z`);
}

/** Angle brackets as character references: `S&P 500` stays as written for plain-text readers. */
function withoutTags(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
