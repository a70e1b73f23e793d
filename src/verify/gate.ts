/**
 * The data-quality gate: loads what the store holds for each symbol through a session and runs
 * the checks on it (one per file in this folder). `wirecopy verify` prints the report; `draft`
 * and `run` refuse a report with errors unless --force (src/jobs/gate.ts).
 */
import type { MarketStore } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { findCalendarGaps } from './calendar-gaps.ts';
import { crossCheckSources } from './cross-source.ts';
import { verifyProblem } from './problems.ts';
import { checkOneDayMoves } from './sanity-bound.ts';
import { checkStaleness } from './staleness.ts';
import type { SourceBars, VerifySettings } from './types.ts';

export const CHECKS = ['cross-source', 'calendar-gaps', 'staleness', 'sanity-bound'] as const;

export interface VerifyRequest {
  symbols: readonly SymbolKey[];
  /** Data after this date is not judged. */
  through: IsoDate;
  /** The session every exchange series should reach (for staleness). */
  expected: IsoDate;
  settings: VerifySettings;
  registry: SymbolRegistry;
}

export interface VerifyReport {
  through: IsoDate;
  expected: IsoDate;
  symbols: SymbolKey[];
  /** Every source the checks read, sorted. */
  sources: string[];
  checks: readonly string[];
  /** Per symbol, errors first, then by date. */
  problems: InputProblem[];
  errors: number;
  warnings: number;
}

export function verifyStore(store: MarketStore, request: VerifyRequest): VerifyReport {
  const { settings, through } = request;
  const problems: InputProblem[] = [];
  const sourcesRead = new Set<string>();
  for (const symbol of request.symbols) {
    const used = store.loadSeries(symbol, through);
    const last = used?.dates.at(-1);
    if (used === undefined || last === undefined) {
      problems.push(
        verifyProblem(
          'verify/no-data',
          { symbol },
          `The store has no ${symbol} data on or before ${through}.`,
        ),
      );
      continue;
    }
    const sources = sourcesFor(store, symbol, through);
    for (const s of sources) sourcesRead.add(s.source);
    const kind = request.registry.resolve(symbol)?.kind;
    const exchange = kind === 'index' || kind === 'etf';
    const recentFrom = used.dates[Math.max(0, used.dates.length - settings.recentSessions)]!;
    const found = [
      ...crossCheckSources(symbol, used, sources, settings.crossCheckTolerance),
      ...(exchange ? findCalendarGaps(symbol, used.dates) : []),
      ...(exchange || kind === 'rate'
        ? checkStaleness(symbol, kind, last, request.expected, settings.stalenessSessions)
        : []),
      // Relative moves of a yield mean nothing near zero (0.15% to 0.12% is -20%): prices only.
      ...(kind === 'rate'
        ? []
        : checkOneDayMoves(symbol, used, sources, {
            bound: settings.sanityBound,
            recentFrom,
            tolerance: settings.crossCheckTolerance,
          })),
    ];
    problems.push(...found.sort(bySeverityThenDate));
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return {
    through,
    expected: request.expected,
    symbols: [...request.symbols],
    sources: [...sourcesRead].sort(),
    checks: CHECKS,
    problems,
    errors,
    warnings: problems.length - errors,
  };
}

/** The sources the stats may read for a symbol: real ones, or the demo set when there is nothing else. */
function sourcesFor(store: MarketStore, symbol: SymbolKey, through: IsoDate): SourceBars[] {
  const ranked = store.sourcesOf(symbol);
  const real = ranked.filter((s) => s.dataset !== 'demo');
  const names = [...new Set((real.length > 0 ? real : ranked).map((s) => s.source))];
  return names.map((source) => ({
    source,
    bars: store.loadBars(symbol, source).filter((b) => b.date <= through),
  }));
}

function bySeverityThenDate(a: InputProblem, b: InputProblem): number {
  const severity = (p: InputProblem) => (p.severity === 'error' ? 0 : 1);
  return severity(a) - severity(b) || (a.date ?? '').localeCompare(b.date ?? '');
}
