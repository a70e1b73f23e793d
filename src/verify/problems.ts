/**
 * The catalogue of data-quality problems the gate reports, in the shape of the CSV import
 * problems (code, severity, symbol, date, message, hint). Errors fail the gate; warnings are
 * reported and pass. Messages are written by each check, because they name the values found.
 */
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';

export type VerifyCode =
  | 'verify/no-data'
  | 'verify/close-mismatch'
  | 'verify/intraday-row'
  | 'verify/gap'
  | 'verify/stale'
  | 'verify/move-beyond-bound';

interface CatalogueEntry {
  severity: InputProblem['severity'];
  hint: string;
}

export const VERIFY_PROBLEMS: Record<VerifyCode, CatalogueEntry> = {
  'verify/no-data': {
    severity: 'error',
    hint: 'Fetch it (wirecopy fetch --symbols KEY) or import a file that has it.',
  },
  'verify/close-mismatch': {
    severity: 'error',
    hint: "Look up the official close (the index provider's or the exchange's record), correct the wrong file and import it again (a re-import replaces that file's rows) or fetch the series again; `draft --force` drafts anyway and records the override.",
  },
  'verify/intraday-row': {
    severity: 'warning',
    hint: 'Trust the other source for that session: re-download the file after the close (or delete the row) and import it again.',
  },
  'verify/gap': {
    severity: 'error',
    hint: 'Fetch the missing sessions (wirecopy fetch --symbols KEY --since DATE) or import a file that has them; wirecopy reports gaps and never fills them.',
  },
  'verify/stale': {
    severity: 'error',
    hint: 'Fetch it (wirecopy fetch --symbols KEY) or import a newer file; or verify/draft an earlier session with --as-of.',
  },
  'verify/move-beyond-bound': {
    severity: 'error',
    hint: 'Check the two closes against another source (import or fetch one: a move another source confirms passes); correct a wrong close in its file; raise verify.sanityBound if such moves are expected.',
  },
};

export function verifyProblem(
  code: VerifyCode,
  place: { symbol: SymbolKey; date?: IsoDate },
  message: string,
  overrides: Partial<CatalogueEntry> = {},
): InputProblem {
  const entry = VERIFY_PROBLEMS[code];
  return {
    severity: overrides.severity ?? entry.severity,
    code,
    message,
    hint: overrides.hint ?? entry.hint,
    symbol: place.symbol,
    ...(place.date !== undefined ? { date: place.date } : {}),
  };
}

/** A close as people read it: 2 decimals for index levels, up to 4 for rates and futures. */
export function formatLevel(value: number): string {
  return Math.abs(value) >= 100 ? value.toFixed(2) : String(Number(value.toFixed(4)));
}

/** 0.0005 → "0.05%"; enough decimals that a small tolerance does not print as 0%. */
export function formatPercent(fraction: number): string {
  const percent = fraction * 100;
  return `${Number(percent.toFixed(Math.abs(percent) >= 0.01 ? 2 : 4))}%`;
}
