/**
 * What makes a link publishable: absolute, https, and parseable with a real host. The site
 * serves pages under its own paths and the feeds and social posts carry links out of context,
 * so a relative link would point somewhere else in each of them.
 */
import { echo } from '../echo-safe.ts';

export interface UrlProblem {
  rule: 'link-not-absolute' | 'link-not-https' | 'link-malformed';
  reason: string;
}

export function urlProblem(url: string): UrlProblem | undefined {
  if (url.trim() === '') return { rule: 'link-malformed', reason: 'The link has no target.' };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    return { rule: 'link-not-absolute', reason: `The link ${echo(url)} is relative.` };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { rule: 'link-malformed', reason: `The link ${echo(url)} is not a well-formed URL.` };
  }
  if (parsed.protocol !== 'https:') {
    return { rule: 'link-not-https', reason: `The link ${echo(url)} is not https.` };
  }
  if (/\s/.test(url) || !parsed.hostname.includes('.') || parsed.hostname.endsWith('.')) {
    return { rule: 'link-malformed', reason: `The link ${echo(url)} has no proper host name.` };
  }
  return undefined;
}

export const URL_HINT =
  'Use the full address, starting with https:// (e.g. https://wirecopy.example/articles/...).';
