/**
 * Finds the numbers a piece of copy claims: percentages, plain numbers (levels, points,
 * counts), ordinals and written-out dates, each with its place and the precision it was
 * written with; and the numbers written as words where they are counts ("five straight
 * sessions", "18 times", "the fifth record close") or fractions ("three-quarters of"). Digits
 * on the non-claim list (`non-claims.ts`) are skipped; a number word naming a period ("the past
 * five sessions") is a period, which the claim check reads (`claim-reading.ts`).
 */
import {
  FRACTION_STEP,
  FRACTION_WORDS,
  type Hedge,
  hedgeBefore,
  MULTIPLE_WORDS,
} from '../language/hedges.ts';
import {
  NUMBER_WORD_SOURCE,
  ORDINAL_WORD_SOURCE,
  parseNumberWord,
  parseOrdinalWord,
} from '../language/number-words.ts';
import { maskNonClaims } from './non-claims.ts';

export type ClaimKind = 'percent' | 'number' | 'ordinal' | 'date';

export interface CalendarDay {
  month: number;
  day: number;
  /** Absent when the copy leaves it out ("Sept. 18" means the as-of year, AP style). */
  year?: number;
}

export interface NumberClaim {
  kind: ClaimKind;
  /** As written: "8.5%", "-3.2%", "2,442.74", "4th", "Sept. 18", "Nov. 8, 2021". */
  text: string;
  /** Offsets in the scanned string. */
  start: number;
  end: number;
  /** The number written (8.5 for "8.5%"); NaN for dates. */
  value: number;
  /** Digits after the decimal point: the rounding the writer used. */
  decimals: number;
  /** Written with an explicit sign: then the sign must match too. */
  signed: boolean;
  date?: CalendarDay;
  /** "more than", "nearly", "about": the range the figure allows (`language/hedges.ts`). */
  hedge?: Hedge;
  /** Written in words ("five", "fifth", "three-quarters"). */
  word?: boolean;
  /** The round step the hedge is measured in, when it is not the written figure's own (fractions). */
  step?: number;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
// A sign counts only at the start of a token ("fell -3.2%"), never after a letter or digit
// ("COVID-19", "2-3"): the look-behind rejects both the sign and a digit right after it.
const LEADING = String.raw`(?<![\w.,:/\-−])([-+−]?)`;

const DATE =
  /(?<![\w.])(Jan\.?|January|Feb\.?|February|Mar\.|March|Apr\.|April|May|Jun\.|June|Jul\.|July|Aug\.?|August|Sept?\.?|September|Oct\.?|October|Nov\.?|November|Dec\.?|December) (\d{1,2})(?:, (\d{4}))?(?![\d])/g;
const PERCENT = new RegExp(`${LEADING}${NUMBER}\\s?(%|percent\\b|per cent\\b|percentage points?\\b)`, 'g');
const ORDINAL = /(?<![\w.,:/\-−])(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b/g;
const PLAIN = new RegExp(`${LEADING}${NUMBER}(?![\\w%])`, 'g');

// A number word is a claim where it counts something: "five straight sessions", "five sessions
// in a row", "18 times", "fifth record close", "five sessions ago", "eight sessions from now", "the last four calendar years". Elsewhere ("the past five sessions") it names a period.
const COUNTED = String.raw`(?:(?:straight|consecutive)\s+(?:sessions|days|weeks|months|calendar years|years)|(?:sessions|days|weeks)\s+(?:in a row|running|straight|ago|from now)|calendar years\b|(?:times|cases|occasions)\b|record close)`;
const NUMBER_WORD = new RegExp(String.raw`(?<![\w-])(${NUMBER_WORD_SOURCE})(?=\s+${COUNTED})`, 'gi');
const ORDINAL_WORD = new RegExp(
  // "first" is left to the superlatives ("the first record close in 967 sessions").
  String.raw`(?<![\w-])(?!first\b)(${ORDINAL_WORD_SOURCE})(?=\s+(?:record|straight|consecutive|of the year)\b)`,
  'gi',
);
// "11 of 18 times": a share, 11/18 = 61.1%; the 18 stays a count of its own.
const RATIO = new RegExp(
  String.raw`(?<![\w.,-])(\d+|${NUMBER_WORD_SOURCE})(?=\s+of\s+(?:the\s+)?(\d+|${NUMBER_WORD_SOURCE})\s+(?:times|cases|occasions|sessions|signals|years)\b)`,
  'gi',
);
const FRACTION = new RegExp(
  String.raw`(?<![\w-])(${FRACTION_WORDS.map(([w]) => w).join('|')})(?=\s+of\b)`,
  'gi',
);

// "has doubled since": a return of about 100%, signed (halved is a fall).
const MULTIPLE = new RegExp(String.raw`(?<![\w-])(${MULTIPLE_WORDS.map(([w]) => w).join('|')})\b`, 'gi');

/** Every number `text` claims, in order. */
export function scanClaims(text: string): NumberClaim[] {
  const claims: NumberClaim[] = [];
  let rest = text;
  const take = (claim: NumberClaim) => {
    claims.push({ ...claim, ...hedgeOf(text, claim.start) });
    rest = rest.slice(0, claim.start) + ' '.repeat(claim.end - claim.start) + rest.slice(claim.end);
  };

  // Dates first: "Nov. 8, 2021" holds a year, which on its own would be a non-claim.
  for (const m of rest.matchAll(DATE)) {
    const month = MONTHS[m[1]!.slice(0, 3).toLowerCase()]!;
    take({
      kind: 'date',
      text: m[0],
      start: m.index,
      end: m.index + m[0].length,
      value: Number.NaN,
      decimals: 0,
      signed: false,
      date: { month, day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) },
    });
  }
  rest = maskNonClaims(rest);
  for (const m of [...rest.matchAll(PERCENT)]) take(numeric('percent', m, m[1]!, m[2]!, m[3]));
  for (const m of [...rest.matchAll(RATIO)]) {
    const part = wholeNumber(m[1]!);
    const total = wholeNumber(m[2]!);
    if (part === undefined || total === undefined || total === 0 || part > total) continue;
    // Exact, so it is held to the rounding of a one-decimal percentage.
    take({ ...inWords('percent', m, (100 * part) / total), word: !/^\d/.test(m[1]!), decimals: 1 });
  }
  for (const m of [...rest.matchAll(ORDINAL)]) {
    take({ ...numeric('ordinal', m, '', m[1]!, undefined), text: m[0] });
  }
  for (const m of [...rest.matchAll(PLAIN)]) take(numeric('number', m, m[1]!, m[2]!, m[3]));
  for (const m of [...rest.matchAll(NUMBER_WORD)]) {
    take(inWords('number', m, parseNumberWord(m[1]!)!));
  }
  for (const m of [...rest.matchAll(ORDINAL_WORD)]) take(inWords('ordinal', m, parseOrdinalWord(m[1]!)!));
  for (const m of [...rest.matchAll(FRACTION)]) {
    const percent = FRACTION_WORDS.find(([w]) => w === m[1]!.toLowerCase())![1];
    // A fraction is a round figure: read as "about" unless the copy hedges it itself.
    const claim = { ...inWords('percent', m, percent), step: FRACTION_STEP, hedge: 'about' as const };
    take(claim);
  }
  for (const m of [...rest.matchAll(MULTIPLE)]) {
    const [, percent, step] = MULTIPLE_WORDS.find(([w]) => w === m[1]!.toLowerCase())!;
    take({ ...inWords('percent', m, percent), signed: true, decimals: 0, step, hedge: 'about' });
  }
  return claims.sort((a, b) => a.start - b.start);
}

function wholeNumber(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : parseNumberWord(text);
}

function inWords(kind: ClaimKind, m: RegExpMatchArray, value: number): NumberClaim {
  return {
    kind,
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
    value,
    decimals: kind === 'percent' ? 1 : 0,
    signed: false,
    word: true,
  };
}

function numeric(
  kind: ClaimKind,
  m: RegExpMatchArray,
  sign: string,
  whole: string,
  fraction: string | undefined,
): NumberClaim {
  const magnitude = Number(`${whole.replaceAll(',', '')}${fraction ? `.${fraction}` : ''}`);
  return {
    kind,
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
    value: sign === '-' || sign === '−' ? -magnitude : magnitude,
    decimals: fraction?.length ?? 0,
    signed: sign !== '',
  };
}

function hedgeOf(text: string, start: number): { hedge?: Hedge } {
  const hedge = hedgeBefore(text.slice(Math.max(0, start - 24), start));
  return hedge ? { hedge } : {};
}
