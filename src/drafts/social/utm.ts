/**
 * UTM tags on article links, so the analytics can tell which network a reader came from.
 * Parameter names and order follow Google Analytics' campaign URL builder
 * (utm_source, utm_medium, utm_campaign, then the optional utm_term and utm_content).
 */

export interface UtmTags {
  /** The network: `x`, `linkedin`, `facebook`, `newsletter`. */
  source: string;
  /** The channel kind: `social`, `email`. */
  medium: string;
  /** The piece; we use the story slug. */
  campaign: string;
  term?: string;
  content?: string;
}

const ORDER = ['source', 'medium', 'campaign', 'term', 'content'] as const;
const UTM_KEYS = new Set(ORDER.map((key) => `utm_${key}`));

/** The key of one `a=b` pair of a raw query, decoded the way a server would read it. */
function decodedKey(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * `url` with the UTM tags set. Other query parameters and the fragment are kept as they were
 * written (the raw pairs are copied, not re-serialized, so `%20` stays `%20`); UTM parameters
 * already on the link are replaced, because a link tagged twice would be counted for both
 * sources. Values are percent-encoded. Throws a TypeError on a URL that is not absolute: links
 * come from the validated site URL, so that is a bug, not an input problem.
 */
export function withUtm(url: string, tags: UtmTags): string {
  const parsed = new URL(url);
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !UTM_KEYS.has(decodedKey(pair)));
  const added = ORDER.flatMap((key) => {
    const value = tags[key];
    return value === undefined ? [] : [`utm_${key}=${encodeURIComponent(value)}`];
  });
  parsed.search = `?${[...kept, ...added].join('&')}`;
  return parsed.href;
}

export type SocialNetwork = 'x' | 'linkedin' | 'facebook';

/** The link a social post of `network` carries to the article of `campaign` (its slug). */
export function socialLink(articleUrl: string, network: SocialNetwork, campaign: string): string {
  return withUtm(articleUrl, { source: network, medium: 'social', campaign });
}
