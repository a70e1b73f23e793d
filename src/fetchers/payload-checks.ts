/**
 * Checks shared by the sources that read bodies themselves (FRED, Stooq): an HTTP status that
 * refuses, a body that is not JSON, a CSV that is really an HTML page, and CSV bodies read by the
 * importer's own parser (`parseMarketCsv`), so there is one CSV reader in the project.
 */
import { z } from 'zod';
import type { SymbolRegistry } from '../symbols.ts';
import type { InputProblem, SymbolKey } from '../types.ts';
import { parseMarketCsv } from './csv/parse.ts';
import { bodyStart, type FetchPlace, PayloadInvalidError, providerRefused } from './fetch-errors.ts';
import type { HttpAnswer } from './http.ts';
import type { DatedRow } from './session-bars.ts';

export function looksLikeHtml(body: string): boolean {
  return /^\s*</.test(body);
}

/** Throws ProviderRefused for a 4xx (5xx and 429 never get here: http.ts retried them, then threw). */
export function requireOk(answer: HttpAnswer, place: FetchPlace, hint: string, detail?: string): void {
  if (answer.status >= 200 && answer.status < 300) return;
  const said = detail ? `: ${detail}` : '';
  throw providerRefused(
    place,
    `${place.provider} answered HTTP ${answer.status} ${answer.statusText}${said}`.trim(),
    hint,
  );
}

export function jsonBody(answer: HttpAnswer, place: FetchPlace): unknown {
  try {
    return JSON.parse(answer.body);
  } catch (cause) {
    const what = looksLikeHtml(answer.body)
      ? 'an HTML page'
      : answer.body.trim() === ''
        ? 'empty'
        : 'cut off or malformed';
    throw new PayloadInvalidError(place, `The answer is ${what}, not JSON: ${bodyStart(answer.body)}`, {
      payload: answer.body,
      cause,
    });
  }
}

/** A CSV body whose first line is the header `header` describes; the rows are checked by the parser. */
export function csvPayload(header: RegExp, what: string) {
  return z.string().superRefine((text, ctx) => {
    const first = text.split(/\r?\n/, 1)[0]?.trim() ?? '';
    if (looksLikeHtml(text)) {
      ctx.addIssue({ code: 'custom', message: `an HTML page came instead of CSV: ${bodyStart(text)}` });
    } else if (!header.test(first)) {
      ctx.addIssue({
        code: 'custom',
        message: `the first line is ${bodyStart(first)}, not a ${what} header`,
      });
    }
  });
}

export interface CsvRows {
  rows: DatedRow[];
  problems: InputProblem[];
  /** Data rows with no value at all for the series (FRED's `.`). */
  blankRows: number;
  /** The header the values came from. */
  column: string;
}

/** The rows of `symbol` in a CSV body. A body the parser cannot use at all is a PayloadInvalidError. */
export function csvSeriesRows(
  text: string,
  options: { place: FetchPlace; registry: SymbolRegistry; symbol: SymbolKey },
): CsvRows {
  const { place, registry, symbol } = options;
  const parsed = parseMarketCsv(text, { file: place.url, registry, symbol });
  const series = parsed.series.find((s) => s.symbol === symbol);
  if (parsed.layout === 'unknown' || series === undefined) {
    const columns = parsed.series.map((s) => s.column).join(', ') || 'none';
    throw new PayloadInvalidError(
      place,
      `The CSV has no readable ${symbol} column (series found: ${columns})`,
      {
        payload: text,
        issues: parsed.problems.map((p) => p.message),
      },
    );
  }
  const erroredLines = new Set(parsed.problems.filter((p) => p.severity === 'error').map((p) => p.line));
  const blankRows = Math.max(0, parsed.rowsRead - series.bars.length - erroredLines.size);
  return { rows: series.bars, problems: parsed.problems, blankRows, column: series.column };
}
