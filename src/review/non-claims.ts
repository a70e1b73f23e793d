/**
 * Digits in copy that are not claims about the data, so no fact has to back them. The list is
 * explicit on purpose: anything not on it is a claim, and a new kind of harmless number is a
 * reviewed addition here, not a looser regex somewhere else.
 *
 * Not listed because the scanner never sees them: spelled-out numbers outside counts ("the past
 * five sessions" is a period, read by the claim check; "five straight sessions" is a count and
 * a claim, see `number-claims.ts`), list markers and footnote labels (markdown structure, not text), code,
 * link targets and image sources, and digits inside or right before a word: tickers and labels
 * ("$IWM", "Q3", "FY2026", "COVID-19", "ZQZ6"), decades ("1990s").
 */
export interface NonClaimPattern {
  id: string;
  pattern: RegExp;
  why: string;
}

export const NON_CLAIMS: readonly NonClaimPattern[] = [
  {
    id: 'url',
    pattern: /\bhttps?:\/\/[^\s<>()]+/g,
    why: 'a link; links have their own rule',
  },
  {
    id: 'index-name',
    pattern:
      /\b(?:Russell (?:1000|2000|2500|3000|Microcap)|S&P (?:100|400|500|600|1500)|Nasdaq[- ]100|NASDAQ[- ]100|Wilshire 5000|Stoxx(?: Europe)? 600|FTSE 100|FTSE 250|Nikkei 225|DAX 40|CAC 40)\b/g,
    why: 'the digits are part of a name ("Russell 2000", "S&P 500", "Nasdaq-100")',
  },
  {
    id: 'window',
    pattern: /\b\d+-(?:day|session|week|month|quarter|year)s?\b/g,
    why: 'the name of a window or maturity ("200-day average", "52-week high", "10-year yield")',
  },
  {
    id: 'year',
    // House style writes every level and count of 1,000 or more with a comma, so a bare
    // 19xx/20xx is a year ("in 2025", "2025's gain"); a decimal or % after it makes it a number.
    pattern: /\b(?:19|20)\d{2}\b(?![.,]\d|\s?%)/g,
    why: 'a calendar year ("in 2025")',
  },
  {
    id: 'thread-number',
    pattern: /(?<=\s)\d{1,2}\/\d{1,2}(?=[^\S\n]*$)/gm,
    why: 'the number of a post in an X thread, at the end of its line (" 2/3")',
  },
  {
    id: 'clock-time',
    pattern: /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.)/g,
    why: 'a time of day ("at 4 p.m.")',
  },
];

/** The text with every non-claim blanked out (same length, so offsets keep their meaning). */
export function maskNonClaims(text: string): string {
  let masked = text;
  for (const { pattern } of NON_CLAIMS) {
    masked = masked.replace(pattern, (match) => ' '.repeat(match.length));
  }
  return masked;
}
