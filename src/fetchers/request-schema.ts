/**
 * The request checks every series source shares: a symbol, and dates that are real and in order.
 * Each source extends them and resolves the symbol to its own ticker.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/dates.ts';
import type { SymbolKind } from '../types.ts';
import type { SeriesClock } from './session-bars.ts';

export const isoDate = z.string().refine(isIsoDate, { message: 'must be a real date written YYYY-MM-DD' });

export const seriesRequestShape = {
  symbol: z.string().trim().min(1, { message: 'is required' }),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** For `.refine(...datesInOrder)`: a range whose start is after its end asks for nothing. */
export const datesInOrder: [
  (request: { from?: string; to?: string }) => boolean,
  { message: string; path: PropertyKey[] },
] = [
  (request) => request.from === undefined || request.to === undefined || request.from <= request.to,
  { message: 'from must not be after to', path: ['from'] },
];

export const SYMBOL_KINDS = ['index', 'etf', 'rate', 'future'] as const satisfies readonly SymbolKind[];

export function clockOf(kind: SymbolKind): SeriesClock {
  if (kind === 'future') return 'cme';
  if (kind === 'rate') return 'observations';
  return 'nyse';
}
