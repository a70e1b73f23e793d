/** Small builders shared by the stats tests: series from rows, random pairs, and lookups of results by id. */
import fc from 'fast-check';
import { addDays, isWeekend } from '../../src/calendar/dates.ts';
import type { StatResult, StatValue } from '../../src/stats/types.ts';
import type { IsoDate, Series } from '../../src/types.ts';

export function seriesOf(symbol: string, rows: ReadonlyArray<readonly [IsoDate, number]>): Series {
  return { symbol, dates: rows.map((r) => r[0]), closes: rows.map((r) => r[1]) };
}

/** `count` consecutive weekdays from `start` (holidays are the test's business). */
export function weekdays(start: IsoDate, count: number): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let d = start; dates.length < count; d = addDays(d, 1)) if (!isWeekend(d)) dates.push(d);
  return dates;
}

export function resultFor(results: readonly StatResult[], id: string): StatResult {
  const found = results.find((r) => r.id === id);
  if (!found) throw new Error(`no result ${id} among ${results.map((r) => r.id).join(', ')}`);
  return found;
}

/** The value of a computed stat; throws (failing the test) when it is missing. */
export function valueFor(results: readonly StatResult[], id: string): StatValue {
  const result = resultFor(results, id);
  if ('missing' in result) throw new Error(`${id} is missing: ${result.missing}`);
  return result.value;
}

/** The reason a stat is missing; throws when it was computed. */
export function missingFor(results: readonly StatResult[], id: string): string {
  const result = resultFor(results, id);
  if (!('missing' in result)) throw new Error(`${id} was computed: ${JSON.stringify(result.value)}`);
  return result.missing;
}

/**
 * Two series on one date list: each date goes to both (mostly), or to S or B alone; S keeps the
 * base series' closes, B walks by small integer steps from 40. For the relative stats, whose
 * dates only one side has must be handled.
 */
export function pairWithOneSidedDates(base: fc.Arbitrary<Series>, length: number) {
  return fc
    .tuple(
      base,
      fc.array(fc.constantFrom('both', 'both', 'both', 's', 'b'), { minLength: length, maxLength: length }),
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: length, maxLength: length }),
    )
    .map(([series, owners, moves]) => {
      const s: Series = { symbol: 'S', dates: [], closes: [] };
      const b: Series = { symbol: 'B', dates: [], closes: [] };
      let bClose = 40;
      series.dates.forEach((date, k) => {
        bClose = Math.max(1, bClose + moves[k]!);
        if (owners[k] !== 'b') {
          s.dates.push(date);
          s.closes.push(series.closes[k]!);
        }
        if (owners[k] !== 's') {
          b.dates.push(date);
          b.closes.push(bClose);
        }
      });
      return { s, b };
    })
    .filter(({ s, b }) => s.dates.length > 0 && b.dates.length > 0);
}
