/**
 * The hostile-content fault cases' helpers: the payload corpus (test/fixtures/hostile/), pieces
 * built from it, and a scanner that lists everything in an output that a browser or a feed
 * reader would run. HTML is parsed with parse5 (through rehype-parse), the parser of the HTML
 * standard, so the scanner sees the elements a browser would build, mutation tricks included.
 * One difference: rehype-parse parses as a browser with script off, where `<noscript>` holds
 * elements rather than text; with script on, a `</noscript>` inside one of those "attributes"
 * ends it and starts live markup, so an attribute holding one counts as a finding.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Element, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { markSvg } from '../../src/site/brand.ts';

export const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

export interface Payload {
  id: string;
  line: string;
  /** Text, not markup, in HTML (entity-encoded or escaped tags). */
  inert?: boolean;
}

export function loadPayloads(): Payload[] {
  return parseYaml(readFileSync(join(HOSTILE, 'payloads.yaml'), 'utf8')) as Payload[];
}

export interface HostileFields {
  title: string;
  summary: string;
  tags: string[];
}

export function loadHostileFields(): HostileFields {
  return parseYaml(readFileSync(join(HOSTILE, 'front-matter.yaml'), 'utf8')) as HostileFields;
}

export interface Finding {
  where: string;
  what: string;
}

const documentParser = unified().use(rehypeParse);
const fragmentParser = unified().use(rehypeParse, { fragment: true });

/** A node without its source positions: two of these are equal when they are the same markup. */
function shapeOf(node: RootContent | Root): unknown {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return node.type;
  return {
    tag: node.type === 'element' ? node.tagName : '#root',
    properties: node.type === 'element' ? node.properties : {},
    children: node.children.map(shapeOf),
  };
}

/**
 * The site's own markup that is not article text, let through exactly as the site draws it:
 * the publication's mark (the header logo, src/site/brand.ts), compared node for node, so a
 * handler, a <script> or one changed attribute inside an SVG still counts; and the sign-up
 * form, only when it posts to the endpoint the fixture config names (its fields are still
 * scanned like any other element).
 */
const BRAND_MARK = JSON.stringify(shapeOf(fragmentParser.parse(markSvg()) as Root));
const SUBSCRIBE_ACTION = (
  JSON.parse(
    readFileSync(fileURLToPath(new URL('../fixtures/site/wirecopy.config.json', import.meta.url)), 'utf8'),
  ).publication.subscribe as { action: string }
).action;
const FORM_ACTIONS = new Set(['/search/', SUBSCRIBE_ACTION]);

function isBrandMark(node: Element): boolean {
  return JSON.stringify(shapeOf({ type: 'root', children: [node] })) === BRAND_MARK;
}

/** Elements that load or run something whatever their attributes. */
const ACTIVE_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
  'math',
  'foreignObject',
]);

/** Attributes (hast property names) that hold a URL a browser follows, loads or animates to. */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'action',
  'formAction',
  'xLinkHref',
  'poster',
  'background',
  'data',
  'srcSet',
  'ping',
  'cite',
  'longDesc',
  'codeBase',
  'manifest',
  'icon',
  'values',
  'to',
  'from',
  'by',
]);

/** A URL a browser would run or render as a document: the scheme, after the tricks browsers forgive. */
const ACTIVE_URL =
  /^(javascript|vbscript|livescript):|^data:(text\/html|image\/svg|application\/(xhtml|xml))/;
const ACTIVE_CSS = /url\s*\(|expression\s*\(|javascript:|behavior\s*:|-moz-binding|@import/i;

function normalizedUrl(value: string): string {
  // Browsers drop ASCII whitespace and control characters inside the scheme.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is what is being removed
  return value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

function textOf(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (child.type === 'text') text += child.value;
    else if (child.type === 'element') text += textOf(child);
  }
  return text;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function describe(node: Element): string {
  const attributes = Object.entries(node.properties)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(' ') : String(v)}`)
    .join(' ');
  return `<${node.tagName}${attributes ? ` ${attributes}` : ''}>`;
}

function scanElement(node: Element, where: string, inChart: boolean, found: Finding[]): void {
  const flag = (why: string) => found.push({ where, what: `${why}: ${describe(node).slice(0, 160)}` });
  const tag = node.tagName;
  if (ACTIVE_ELEMENTS.has(tag)) flag('active element');
  if (tag === 'svg' && !inChart && !isBrandMark(node)) flag('SVG outside the site chart');
  if (tag === 'script') {
    const src = node.properties['src'];
    const text = textOf(node);
    if (typeof src === 'string' && !/^\/(_astro|pagefind)\//.test(src)) flag('script from elsewhere');
    if (node.properties['type'] === 'application/ld+json') {
      // Data, never run: a headline that spells alert(...) may sit in it as a JSON string. What
      // would be live is markup: any `<` left unescaped (the site writes \u003c), and a payload
      // that closed the element early leaves text that is no longer JSON.
      if (text.includes('<')) flag('JSON-LD with an unescaped <');
      else if (!isJson(text)) flag('JSON-LD that is not JSON (closed early?)');
    } else if (/document\.domain|alert\s*\(/.test(text)) flag('inline script with a payload');
  }
  if (tag === 'style' && ACTIVE_CSS.test(textOf(node)) && /document\.domain|evil\.example/.test(textOf(node)))
    flag('style sheet with a payload');
  if (tag === 'form' && !FORM_ACTIONS.has(String(node.properties['action']))) flag('form');
  if (tag === 'meta' && String(node.properties['httpEquiv'] ?? '').toLowerCase() === 'refresh')
    flag('meta refresh');
  for (const [name, value] of Object.entries(node.properties)) {
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if (name.toLowerCase().startsWith('on')) flag(`event handler ${name}`);
    if (name === 'srcDoc') flag('srcdoc document');
    // With script on, a browser reads a <noscript> as text up to `</noscript`, even one inside
    // what the script-off parse took for an attribute: what follows it is live markup.
    if (/<\/noscript/i.test(text)) flag(`${name} that ends a <noscript> early`);
    if (URL_PROPERTIES.has(name) && ACTIVE_URL.test(normalizedUrl(text))) flag(`${name} with an active URL`);
    if (name === 'style' && ACTIVE_CSS.test(text)) flag('style attribute with url(), expression() or script');
  }
  const chart = inChart || (tag === 'figure' && String(node.properties['className'] ?? '').includes('chart'));
  scanChildren(node.children, where, chart, found);
  if (tag === 'template' && 'content' in node && node.content) {
    scanChildren((node.content as Root).children, where, chart, found);
  }
}

function scanChildren(children: readonly RootContent[], where: string, inChart: boolean, found: Finding[]) {
  for (const child of children) if (child.type === 'element') scanElement(child, where, inChart, found);
}

/** What in an HTML page (or fragment) would run in a browser. */
export function executablesInHtml(
  html: string,
  where: string,
  options: { fragment?: boolean } = {},
): Finding[] {
  const tree = (options.fragment ? fragmentParser : documentParser).parse(html) as Root;
  const found: Finding[] = [];
  scanChildren(tree.children, where, false, found);
  return found;
}

const XML_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(text.trim());
  if (cdata) return cdata[1]!;
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_all, ref: string) => {
    if (ref[0] !== '#') return XML_ENTITY[ref.toLowerCase()]!;
    return String.fromCodePoint(
      ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1)),
    );
  });
}

/**
 * A feed: the XML itself (an element smuggled into it), and the text of every element, which
 * feed readers render as HTML (description and content:encoded; titles too, in some).
 */
export function executablesInFeed(xml: string, where: string): Finding[] {
  const found = executablesInHtml(xml, where, { fragment: true });
  for (const match of xml.matchAll(/<([a-z:]+)(?:\s[^>]*)?>([^<]*|<!\[CDATA\[[\s\S]*?\]\]>)<\/\1>/gi)) {
    found.push(...executablesInHtml(decodeXmlText(match[2]!), `${where} <${match[1]}>`, { fragment: true }));
  }
  return found;
}

/**
 * Pagefind's fragments (gzip, after a signature, holding JSON) keep each page's text as text:
 * Pagefind's client escapes it before building an excerpt, and the search page sets the title
 * with textContent (site/scripts/search.ts). What could run is the result's URL, which the page
 * puts in a link; the excerpt is tried in a browser by the fault suite.
 */
export function executablesInPagefindFragment(bytes: Buffer, where: string): Finding[] {
  const fragment = JSON.parse(
    gunzipSync(bytes)
      .toString('utf8')
      .replace(/^pagefind_dcd/, ''),
  ) as { url: string };
  return fragment.url.startsWith('/') && !fragment.url.startsWith('//')
    ? []
    : [{ where, what: `result URL ${fragment.url} is not a page of the site` }];
}

export interface OutputScan {
  /** Files scanned, by kind (html, feed, pagefind fragment, json). */
  scanned: Record<string, number>;
  /** Files not scanned (images, fonts, the search code), by extension: no article text in them. */
  skipped: Record<string, number>;
  findings: Finding[];
}

/** Every file under `dir`, scanned by what it is. */
export function scanOutputFolder(dir: string): OutputScan {
  const scan: OutputScan = { scanned: {}, skipped: {}, findings: [] };
  const count = (bucket: Record<string, number>, key: string) => {
    bucket[key] = (bucket[key] ?? 0) + 1;
  };
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(path);
        continue;
      }
      const where = relative(dir, path);
      const extension = entry.name.includes('.') ? entry.name.slice(entry.name.lastIndexOf('.') + 1) : '';
      if (extension === 'html') {
        count(scan.scanned, 'html');
        scan.findings.push(...executablesInHtml(readFileSync(path, 'utf8'), where));
      } else if (extension === 'xml') {
        count(scan.scanned, 'feed or sitemap');
        scan.findings.push(...executablesInFeed(readFileSync(path, 'utf8'), where));
      } else if (extension === 'pf_fragment') {
        count(scan.scanned, 'pagefind fragment');
        scan.findings.push(...executablesInPagefindFragment(readFileSync(path), where));
      } else if (extension === 'json' || extension === 'txt' || extension === 'md') {
        count(scan.scanned, extension);
        const text = readFileSync(path, 'utf8');
        scan.findings.push(...executablesInHtml(text, where, { fragment: true }));
      } else {
        count(scan.skipped, extension || '(none)');
      }
    }
  };
  walk(dir);
  return scan;
}

/** A piece's body with the payload as its first paragraph. */
export function withPayload(body: string, payload: Payload): string {
  return `${payload.line}\n\n${body.replace(/^\n+/, '')}`;
}
