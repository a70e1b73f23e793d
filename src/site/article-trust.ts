/**
 * What an article page tells a reader (and a search engine) about who stands behind it: the
 * byline, the publication and update times, how the piece was made, the NewsArticle JSON-LD, and
 * share links built from the piece's own social digests. Pure functions over front matter.
 */
import type { FrontMatter } from '../content/front-matter.ts';
import { sourceName } from '../drafts/sources.ts';
import { formatDate } from '../facts/format.ts';
import { publishedAt, updatedAt } from './article-dates.ts';

type Trusted = Pick<
  FrontMatter,
  'title' | 'summary' | 'asOf' | 'date' | 'review' | 'revisions' | 'social' | 'sources' | 'checks' | 'dataset'
>;

/** The reviewing editor who approved the piece; the desk's name when the review names none. */
export function byline(data: Pick<FrontMatter, 'review'>, desk: string): { name: string; person: boolean } {
  const by = data.review?.by.trim();
  return by ? { name: by, person: true } : { name: desk, person: false };
}

const NEW_YORK = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** AP style in New York time, where the market closes: "Nov. 28, 2025, 5:40 p.m. ET". */
export function formatTimeET(at: Date): string {
  const parts = Object.fromEntries(NEW_YORK.formatToParts(at).map((p) => [p.type, p.value]));
  const date = `${parts['year']}-${parts['month']}-${parts['day']}`;
  const minutes = parts['minute'] === '00' ? '' : `:${parts['minute']}`;
  const meridiem = parts['dayPeriod']?.toLowerCase() === 'am' ? 'a.m.' : 'p.m.';
  return `${formatDate(date)}, ${parts['hour']}${minutes} ${meridiem} ET`;
}

export interface PieceTimes {
  published: Date;
  updated: Date | undefined;
}

export function pieceTimes(data: Trusted): PieceTimes {
  return { published: publishedAt(data), updated: updatedAt(data) };
}

/**
 * "How this piece was made", in sentences a reader can check: the data and its span, the
 * data-quality gate, the review checks and who approved it.
 */
export function howMade(data: Trusted, desk: string): string[] {
  const series = data.sources.map((s) => `${s.name} (${s.sources.map(sourceName).join(', ')})`);
  const lines = [
    `Written by software from daily closing data through ${formatDate(data.asOf)}: ${series.join('; ')}. Every number in it is computed from those closes, with a stored definition.`,
  ];
  if (data.checks) {
    lines.push(
      data.checks.gate === 'passed'
        ? `The data passed the quality checks (sources against each other, missing sessions, unconfirmed moves) before the piece was written.`
        : data.checks.gate === 'overridden'
          ? `The data did not pass every quality check (${data.checks.problems} found); an editor chose to publish anyway.`
          : 'The data-quality checks were skipped for this piece.',
    );
  }
  const checked = data.review?.checks ? ` (${data.review.checks})` : '';
  lines.push(`Before publication, each number was checked against its computed value${checked}.`);
  const { name, person } = byline(data, desk);
  const at = data.review?.at ? new Date(data.review.at) : undefined;
  const when = at && !Number.isNaN(at.getTime()) ? ` on ${formatTimeET(at)}` : '';
  lines.push(person ? `${name} reviewed and approved it${when}.` : `The ${name} approved it${when}.`);
  return lines;
}

export interface ShareLink {
  network: 'X' | 'LinkedIn' | 'Facebook';
  href: string;
}

/** The first http(s) address in a digest: the piece's link, with its UTM tags. */
function linkIn(text: string): string | undefined {
  return /https?:\/\/\S+/.exec(text)?.[0];
}

/**
 * Share links carrying the piece's own digests: X's post intent with the X post (its link inside),
 * LinkedIn's share box with the LinkedIn digest, and Facebook's sharer with the Facebook
 * digest's link and its text as the quote.
 */
export function shareLinks(data: Pick<FrontMatter, 'social'>, canonical: string): ShareLink[] {
  const { x, linkedin, facebook } = data.social;
  const facebookLink = linkIn(facebook) ?? canonical;
  const facebookText = facebook.replace(facebookLink, '').trim();
  return [
    { network: 'X', href: `https://x.com/intent/post?text=${encodeURIComponent(x)}` },
    {
      network: 'LinkedIn',
      href: `https://www.linkedin.com/feed/?shareActive=true&text=${encodeURIComponent(linkedin)}`,
    },
    {
      network: 'Facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(facebookLink)}&quote=${encodeURIComponent(facebookText)}`,
    },
  ];
}

export interface JsonLdInput {
  data: Trusted;
  canonical: string;
  image: string;
  publication: { name: string; siteUrl: string; desk: string };
  logo: string;
}

/**
 * schema.org NewsArticle with the properties Google lists for articles (headline, image,
 * datePublished, dateModified, author with name and url) plus publisher and
 * isAccessibleForFree. The headline is cut at 110 characters, Google's limit.
 */
export function newsArticleJsonLd(input: JsonLdInput): Record<string, unknown> {
  const { data, publication } = input;
  const { published, updated } = pieceTimes(data);
  const { name, person } = byline(data, publication.desk);
  const home = new URL('/', publication.siteUrl).href;
  const about = new URL('/about/', publication.siteUrl).href;
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: data.title.length > 110 ? `${data.title.slice(0, 109)}…` : data.title,
    description: data.summary,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.canonical },
    url: input.canonical,
    image: [input.image],
    datePublished: published.toISOString(),
    dateModified: (updated ?? published).toISOString(),
    author: [
      person ? { '@type': 'Person', name, url: about } : { '@type': 'Organization', name, url: about },
    ],
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: publication.name,
      url: home,
      logo: { '@type': 'ImageObject', url: input.logo, width: 512, height: 512 },
    },
    isAccessibleForFree: true,
    inLanguage: 'en-US',
  };
}

/** JSON for a `<script type="application/ld+json">`: no `<` can close the element early. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
