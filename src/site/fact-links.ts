/**
 * The `<!--fact:ID-->` mark after each number of a body, in rendered HTML. Readers never see it:
 * the published site drops it. The editors' preview turns each number into a highlight judged
 * the way `wirecopy check` judges it (`src/review/fact-match.ts`): copy prints magnitudes and
 * lets its words carry the sign, so "fell 0.5%" for a fact of -0.5% is a match, not a mismatch.
 * A number without a mark that fits no fact of the piece, which `check` rejects, is marked too.
 */
import type { FrontMatter } from '../content/front-matter.ts';
import { FACT_LINK } from '../drafts/view-values.ts';
import { escapeHtml } from '../html-escape.ts';
import { describeFact, type ReferenceFact } from '../review/draft-facts.ts';
import { claimMatchesFact } from '../review/fact-match.ts';
import { parseMarker } from '../review/markers.ts';
import { type NumberClaim, scanClaims } from '../review/number-claims.ts';

type Facts = FrontMatter['facts'];

export function stripFactLinks(html: string): string {
  return html.replace(FACT_LINK, '');
}

export interface HighlightOptions {
  /** The piece's as-of (YYYY-MM-DD): a date without a year means its year, and it is a fact itself. */
  asOf?: string | undefined;
}

// Tags and comments, split from the text between them.
const MARKUP = /(<!--[\s\S]*?-->|<[^>]*>)/;

/**
 * Wraps each number of the body's text in `<span class="fact">`: linked ones that match their
 * fact; `fact-mismatch` for a linked one that does not (an editor changed the number but kept
 * the mark) or a link to a fact the piece lacks; `fact-rejected` for an unlinked number that
 * fits no fact. Text inside `<code>` and `<pre>` is left alone.
 */
export function highlightFactLinks(
  html: string,
  facts: Facts | undefined,
  options: HighlightOptions = {},
): string {
  const reference = referenceOf(facts, options.asOf);
  const year = options.asOf ? Number(options.asOf.slice(0, 4)) : undefined;
  const tokens = html.split(MARKUP);
  let inCode = 0;
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i % 2 === 1) {
      if (/^<(?:code|pre)\b/i.test(token)) inCode++;
      else if (/^<\/(?:code|pre)>/i.test(token)) inCode = Math.max(0, inCode - 1);
      // The marks are read with the text before them and dropped.
      if (!FACT_LINK_ONE.test(token)) out += token;
      continue;
    }
    const mark = parseMarker(tokens[i + 1] ?? '');
    out += inCode > 0 ? token : highlightText(token, mark, { facts, reference, year });
  }
  return out;
}

const FACT_LINK_ONE = new RegExp(`^${FACT_LINK.source}$`);

interface Judge {
  facts: Facts | undefined;
  reference: ReferenceFact[];
  year: number | undefined;
}

function highlightText(text: string, mark: ReturnType<typeof parseMarker>, judge: Judge): string {
  const decoded = decodeEntities(text);
  const claims = scanClaims(decoded);
  const linked =
    mark && mark.kind === 'fact' && decoded.slice(claims.at(-1)?.end ?? 0).trim() === ''
      ? claims.at(-1)
      : undefined;
  let out = '';
  let at = 0;
  for (const claim of claims) {
    const start = text.indexOf(claim.text, at);
    if (start === -1) continue;
    out += text.slice(at, start);
    at = start + claim.text.length;
    if (claim === linked && mark?.kind === 'fact') {
      out += linkedSpan(claim, mark.factId, judge);
    } else if (mark?.kind === 'sourced' && claim === claims.at(-1)) {
      out += claim.text;
    } else if (judge.reference.some((fact) => claimMatchesFact(claim, fact, judge.year ?? fact.date?.year))) {
      out += claim.text;
    } else {
      out += factSpan(
        '',
        escapeHtml(claim.text),
        `${claim.text}: matches no fact of this piece (wirecopy check rejects it)`,
        'fact fact-rejected',
      );
    }
  }
  out += text.slice(at);
  if (mark?.kind === 'fact' && !linked) {
    // A mark after words, not a number: the word before it is what the editor left there.
    const word = /\S+$/.exec(out)?.[0] ?? '';
    const fact = judge.facts?.[mark.factId];
    const why = fact
      ? `${tip(mark.factId, fact)}; the text says ${word || 'nothing'}`
      : `${mark.factId}: not among the facts of this piece`;
    out =
      out.slice(0, out.length - word.length) + factSpan(mark.factId, word || '?', why, 'fact fact-mismatch');
  }
  return out;
}

function linkedSpan(claim: NumberClaim, id: string, judge: Judge): string {
  const fact = judge.facts?.[id];
  const shown = escapeHtml(claim.text);
  if (!fact) return factSpan(id, shown, `${id}: not among the facts of this piece`, 'fact fact-mismatch');
  const reference = describeFact(id, fact.value, fact.display);
  // Without the piece's as-of, a date without a year is taken to mean its fact's year.
  if (claimMatchesFact(claim, reference, judge.year ?? reference.date?.year)) {
    return factSpan(id, shown, tip(id, fact), 'fact');
  }
  return factSpan(id, shown, `${tip(id, fact)}; the text says ${claim.text}`, 'fact fact-mismatch');
}

function referenceOf(facts: Facts | undefined, asOf: string | undefined): ReferenceFact[] {
  const reference = Object.entries(facts ?? {}).map(([id, f]) => describeFact(id, f.value, f.display));
  if (asOf) reference.push(describeFact('asOf', asOf, asOf));
  return reference;
}

function factSpan(id: string, text: string, tipText: string, className: string): string {
  const data = id ? ` data-fact="${escapeHtml(id)}"` : '';
  return `<span class="${className}" tabindex="0"${data} data-tip="${escapeHtml(tipText)}">${text}</span>`;
}

function tip(id: string, fact: Facts[string]): string {
  const value =
    typeof fact.value === 'number' ? String(Number(fact.value.toPrecision(6))) : String(fact.value);
  return `${id} = ${value} (printed as ${fact.display})`;
}

/**
 * The text of sanitized HTML: the sanitizer writes numeric references (`S&#x26;P 500`), other
 * serializers named ones (`S&amp;P 500`); the claim reader must see "S&P 500" either way.
 */
function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|nbsp));/gi,
    (_m, hex?: string, dec?: string, name?: string) => {
      if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
      if (dec !== undefined) return codePoint(Number(dec));
      return (
        ({ amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ' } as Record<string, string>)[
          name!.toLowerCase()
        ] ?? ''
      );
    },
  );
}

/** A character reference's character; one past Unicode's range reads as the replacement character. */
const codePoint = (n: number) => (n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd');
