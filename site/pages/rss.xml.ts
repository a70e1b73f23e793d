/**
 * `/rss.xml`: the newest published pieces (src/site/feed.ts says how many) with their full text
 * (sanitized, fact marks dropped, the disclaimer added when the body does not print it), by
 * publication time, newest first. Each item's pubDate is its first approval (an update replaces
 * the text, not the date); the channel says where it lives (atom:link rel=self) and when it was
 * built. Opened in a browser, it shows as a page through /rss.xsl.
 */
import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { escapeHtml } from '../../src/html-escape.ts';
import { feedPieces } from '../../src/site/feed.ts';
import { bodyHtml, printsDisclaimer } from '../lib/article-html.ts';
import { articleUrl, publishedArticles } from '../lib/articles.ts';
import { publication } from '../lib/site-config.ts';

export async function GET(context: APIContext) {
  const articles = feedPieces(await publishedArticles());
  const site = context.site ?? new URL(publication.siteUrl);
  const self = new URL('/rss.xml', site).href;
  return rss({
    stylesheet: '/rss.xsl',
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    title: publication.name,
    description: 'Market commentary on US small caps: the Russell 2000 against the market, in numbers.',
    site,
    trailingSlash: true,
    items: articles.map(({ piece: article, at }) => {
      const { data } = article;
      const disclaimer = printsDisclaimer(article, publication.disclaimer)
        ? ''
        : `<p><em>${escapeHtml(publication.disclaimer)}</em></p>`;
      const demo = data.dataset === 'demo' ? '<p><strong>Demo data:</strong> not market data.</p>' : '';
      return {
        // Text by the RSS spec, but some readers render it as HTML: no tag can open in it.
        title: withoutTags(data.title),
        link: articleUrl(article),
        pubDate: at,
        // RSS readers show an item's description as HTML: the summary is text, so escape it.
        description: escapeHtml(data.summary),
        content: demo + bodyHtml(article, { highlightFacts: false }) + disclaimer,
        categories: data.tags.map(withoutTags),
      };
    }),
    customData:
      '<language>en-us</language>' +
      `<atom:link href="${escapeHtml(self)}" rel="self" type="application/rss+xml"/>` +
      `<lastBuildDate>${new Date().toUTCString()}</lastBuildDate>`,
  });
}

/** Angle brackets as character references: `S&P 500` stays as written for plain-text readers. */
function withoutTags(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
