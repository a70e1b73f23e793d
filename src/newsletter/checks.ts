/**
 * Checks on the finished email, on the bytes that will be sent (not on what the renderer meant
 * to write): size against Gmail's clipping, subject length, and every link's target and tags.
 */
import { Parser } from 'htmlparser2';
import { UNSUBSCRIBE_MERGE_TAG } from './site-links.ts';

export interface IssueMessage {
  severity: 'error' | 'warning';
  rule: string;
  message: string;
  details: string[];
}

/**
 * Gmail shows "[Message clipped]" and hides the rest of an email whose HTML is larger than about
 * 102 KB, footer (and its unsubscribe link) included.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;
/** Above this, warn: the transfer encoding (quoted-printable) adds bytes on the way. */
export const SIZE_WARNING_BYTES = 90 * 1024;
/** Gmail's inbox shows about 60 characters of a subject on desktop, fewer on a phone. */
export const SUBJECT_MAX = 60;

export interface CheckInput {
  html: string;
  articleBytes: readonly { id: string; bytes: number }[];
  subject: string;
  issueId: string;
  siteUrl: string;
  /** Every page of the built site a link may point at, as absolute URLs without query or fragment. */
  sitePages: ReadonlySet<string>;
  /** Other hosts links may point at. */
  allowedHosts: ReadonlySet<string>;
}

export function checkEmail(input: CheckInput): IssueMessage[] {
  return [...checkSize(input), ...checkSubject(input.subject), ...checkLinks(input)];
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function checkSize({ html, articleBytes }: CheckInput): IssueMessage[] {
  const bytes = Buffer.byteLength(html);
  if (bytes <= SIZE_WARNING_BYTES) return [];
  const inArticles = articleBytes.reduce((sum, a) => sum + a.bytes, 0);
  const parts = [
    ...articleBytes.map((a) => ({ name: `article ${a.id}`, bytes: a.bytes })),
    { name: 'masthead, footer and layout', bytes: bytes - inArticles },
  ].sort((a, b) => b.bytes - a.bytes);
  const details = parts.slice(0, 5).map((p) => `${kb(p.bytes).padStart(9)}  ${p.name}`);
  if (parts.length > 5) details.push(`   (${parts.length - 5} smaller parts)`);
  if (bytes > GMAIL_CLIP_BYTES) {
    return [
      {
        severity: 'error',
        rule: 'email-size',
        message: `email.html is ${kb(bytes)}, over the ${kb(GMAIL_CLIP_BYTES)} at which Gmail clips a message (hiding the rest, unsubscribe link included). The biggest parts:`,
        details,
      },
    ];
  }
  return [
    {
      severity: 'warning',
      rule: 'email-size',
      message: `email.html is ${kb(bytes)}, close to the ${kb(GMAIL_CLIP_BYTES)} at which Gmail clips a message.`,
      details,
    },
  ];
}

export function checkSubject(subject: string): IssueMessage[] {
  const length = [...subject].length;
  if (length <= SUBJECT_MAX) return [];
  return [
    {
      severity: 'warning',
      rule: 'subject-length',
      message: `The subject is ${length} characters; inboxes cut it after about ${SUBJECT_MAX} ("${[...subject].slice(0, SUBJECT_MAX).join('')}…").`,
      details: [],
    },
  ];
}

/** Every `href` and `src` in the HTML, in document order. */
export function htmlLinks(html: string): string[] {
  const links: string[] = [];
  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        for (const name of ['href', 'src']) {
          const value = attributes[name];
          if (value !== undefined) links.push(value);
        }
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return links;
}

export function checkLinks(input: CheckInput): IssueMessage[] {
  const site = new URL(input.siteUrl);
  const messages: IssueMessage[] = [];
  const problem = (rule: string, message: string) =>
    messages.push({ severity: 'error', rule, message, details: [] });
  for (const href of new Set(htmlLinks(input.html))) {
    if (href === UNSUBSCRIBE_MERGE_TAG) continue;
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      problem(
        'link-absolute',
        `${href} is not an absolute URL: a link in an email has no page to be relative to.`,
      );
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      problem('link-absolute', `${href} is not an http(s) link.`);
      continue;
    }
    const tags = url.searchParams;
    if (
      tags.get('utm_source') !== 'newsletter' ||
      tags.get('utm_medium') !== 'email' ||
      tags.get('utm_campaign') !== input.issueId
    ) {
      problem(
        'link-utm',
        `${href} lacks the campaign tags utm_source=newsletter&utm_medium=email&utm_campaign=${input.issueId}.`,
      );
    }
    const page = `${url.origin}${url.pathname}`;
    if (url.origin === site.origin) {
      if (!input.sitePages.has(page)) {
        const withSlash = input.sitePages.has(`${page}/`) ? ` (did you mean ${url.pathname}/?)` : '';
        problem('link-target', `${page} is not a page of the site${withSlash}.`);
      }
    } else if (!input.allowedHosts.has(url.hostname)) {
      problem(
        'link-host',
        `${href} points at ${url.hostname}, which is not an allowed host (--allow-host adds one).`,
      );
    }
  }
  return messages;
}
