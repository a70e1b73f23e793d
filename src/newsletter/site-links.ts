/**
 * Every link the newsletter prints: pages of the site, built from the configured site URL, and
 * the campaign tags that let analytics count the email's readers.
 */
import { withUtm } from '../drafts/social/utm.ts';

/**
 * Where the email service puts each subscriber's own unsubscribe link. One constant, so moving
 * to a service with another syntax (Mailchimp's `*|UNSUB|*`, listmonk's `{{ UnsubscribeURL }}`)
 * is a one-line change. It is the only href that is neither absolute nor tagged.
 */
export const UNSUBSCRIBE_MERGE_TAG = '{{unsubscribe_url}}';

/** `siteUrl` joined with a path inside the site; keeps a base path (`https://a.com/smallcaps`). */
export function sitePage(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

export const articleUrl = (siteUrl: string, id: string) => sitePage(siteUrl, `articles/${id}/`);
export const archiveUrl = (siteUrl: string, issueId: string) => sitePage(siteUrl, `newsletter/${issueId}/`);
export const homeUrl = (siteUrl: string) => sitePage(siteUrl, '');
export const methodologyUrl = (siteUrl: string) => sitePage(siteUrl, 'methodology/');

/** Turns a link as written into the link printed: adds campaign tags, or leaves it as it is. */
export type LinkTagger = (url: string) => string;

export const untagged: LinkTagger = (url) => url;

/**
 * For pages of the site itself (the newsletter archive): a link to the site becomes a path
 * (`/articles/<id>/`), which keeps working on a preview or a staging host; others stay as written.
 */
export function siteRelative(siteUrl: string): LinkTagger {
  const site = new URL(siteUrl);
  return (url) => {
    try {
      const target = new URL(url);
      return target.origin === site.origin ? `${target.pathname}${target.search}${target.hash}` : url;
    } catch {
      return url;
    }
  };
}

/** The email's tags: `utm_source=newsletter&utm_medium=email&utm_campaign=<issue id>`. */
export function emailTagger(issueId: string): LinkTagger {
  return (url) =>
    url === UNSUBSCRIBE_MERGE_TAG
      ? url
      : withUtm(url, { source: 'newsletter', medium: 'email', campaign: issueId });
}
