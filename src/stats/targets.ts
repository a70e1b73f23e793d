/**
 * Upside to editor-supplied index targets: `target.<org>.upside` = target ÷ close − 1, and
 * `target.<org>.upside.points` = target − close (the same distance in index points).
 *
 * A target is an opinion with a date; an old one is worse than none, so a target older than the
 * age limit is left out and reported as a warning on its file line (never thrown: one stale entry
 * must not stop a draft).
 */
import { toDayNumber } from '../calendar/dates.ts';
import type { InputProblem, IsoDate, SymbolKey } from '../types.ts';
import { computed, missing } from './results.ts';
import type { StatInput, StatResult } from './types.ts';

export interface PriceTarget {
  /** Who published it: "Goldman Sachs". */
  org: string;
  /** The series key it is for: `RUT`. */
  index: SymbolKey;
  /** The target level, in index points. */
  target: number;
  /** When it was published. */
  date: IsoDate;
  /** Where it was published (a URL), for attribution. */
  source: string;
  /** Where the editor wrote it, for problems. */
  file?: string;
  line?: number;
}

/** Targets older than this many calendar days are not quoted. */
export const TARGET_MAX_AGE_DAYS = 90;

/** `Goldman Sachs` → `goldman-sachs`, `Société Générale` → `societe-generale`: an id segment. */
export function orgSlug(org: string): string {
  return org
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * One `target.<org>.upside` per organisation with a target for `close.series` published on or
 * before the close's date (later ones did not exist yet; the latest wins), and the problems.
 */
export function targetUpsideStats(
  targets: readonly PriceTarget[],
  close: StatInput,
  maxAgeDays: number = TARGET_MAX_AGE_DAYS,
): { results: StatResult[]; problems: InputProblem[] } {
  const asOf = close.date;
  const latest = new Map<string, PriceTarget>();
  const problems: InputProblem[] = [];
  for (const t of targets) {
    if (t.index !== close.series || t.date > asOf) continue;
    const slug = orgSlug(t.org);
    const held = latest.get(slug);
    if (held && held.date === t.date && held.target !== t.target) {
      problems.push(
        problem(
          t,
          'targets/duplicate',
          `${t.org} has two ${t.index} targets dated ${t.date}; using the later entry`,
        ),
      );
    }
    if (!held || held.date <= t.date) latest.set(slug, t);
  }

  const results: StatResult[] = [];
  for (const [slug, t] of latest) {
    const id = `target.${slug}.upside`;
    const age = toDayNumber(asOf) - toDayNumber(t.date);
    if (age > maxAgeDays) {
      const message = `the ${t.org} target for ${t.index} is from ${t.date}, ${age} days before ${asOf} (limit ${maxAgeDays})`;
      problems.push(problem(t, 'targets/stale', message));
      results.push(missing(id, message), missing(`${id}.points`, message));
      continue;
    }
    const targetInput: StatInput = { series: `${t.index}.target.${slug}`, date: t.date, close: t.target };
    results.push(computed(id, t.target / close.close - 1, [close, targetInput]));
    results.push(computed(`${id}.points`, t.target - close.close, [close, targetInput]));
  }
  return { results, problems };
}

function problem(t: PriceTarget, code: string, message: string): InputProblem {
  const hints: Record<string, string> = {
    'targets/stale': 'Update the entry with a newer target and date, or delete it.',
    'targets/duplicate': 'Keep one entry per organisation and date.',
  };
  return {
    severity: 'warning',
    code,
    message,
    hint: hints[code],
    ...(t.file === undefined ? {} : { file: t.file }),
    ...(t.line === undefined ? {} : { line: t.line }),
    symbol: t.index,
    date: t.date,
  };
}
