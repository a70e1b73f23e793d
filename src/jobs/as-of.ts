/**
 * Which session a command speaks for. A requested date means "the last session on or before
 * it" by the NYSE calendar; with no date, the latest close of the lead index in the store.
 */
import { isIsoDate } from '../calendar/dates.ts';
import { CALENDAR_FIRST, CALENDAR_LAST, sessionOnOrBefore } from '../calendar/nyse.ts';
import { Errors, WirecopyError } from '../errors.ts';
import type { MarketStore } from '../store/market-store.ts';
import type { IsoDate, SymbolKey } from '../types.ts';

/**
 * The session a valid `--as-of` names (the last one on or before it); undefined for a date
 * before the calendar, which the store may still answer. A date that is not one, or is past
 * the calendar, is a usage error whatever the store holds.
 */
export function requestedSession(requested: string): IsoDate | undefined {
  if (!isIsoDate(requested)) {
    throw new WirecopyError(Errors.Usage, `--as-of ${requested} is not a date.`, {
      hint: 'Write it as YYYY-MM-DD, e.g. --as-of 2025-11-28.',
    });
  }
  if (requested > CALENDAR_LAST) {
    throw new WirecopyError(
      Errors.OutsideCalendar,
      `--as-of ${requested} is after ${CALENDAR_LAST}, the end of the NYSE calendar wirecopy knows.`,
      {
        hint: 'Add the new year to src/calendar (holidays are rules; special closures are a list).',
      },
    );
  }
  if (requested >= CALENDAR_FIRST) return sessionOnOrBefore(requested);
  return undefined;
}

export function resolveAsOf(requested: string | undefined, store: MarketStore, lead: SymbolKey): IsoDate {
  const session = requested === undefined ? undefined : requestedSession(requested);
  if (session !== undefined) return session;
  const series = store.loadSeries(lead, requested);
  const last = series?.dates.at(-1);
  if (last === undefined) {
    throw new WirecopyError(
      Errors.NoData,
      requested
        ? `The store has no ${lead} close on or before ${requested}.`
        : `The store has no ${lead} data.`,
      { hint: 'Run `wirecopy demo` for the demo dataset, or `wirecopy import <file>` to load real history.' },
    );
  }
  return last;
}
