/**
 * Weekdays the NYSE closed outside its holiday rules, 1980-2027: weather, attacks and national
 * days of mourning for former presidents. Each was announced by the exchange at the time; the list
 * follows the NYSE history of closings as transcribed in pandas_market_calendars
 * (`holidays/nyse.py`), and every date in it is confirmed by a missing row in GSPC.csv/RUT.csv
 * (test/calendar/nyse-real-data.test.ts).
 */
import type { IsoDate } from '../types.ts';

export interface SpecialClosure {
  /** The weekdays closed, in date order. */
  dates: readonly IsoDate[];
  name: string;
}

export const SPECIAL_CLOSURES: readonly SpecialClosure[] = [
  { dates: ['1985-09-27'], name: 'Hurricane Gloria' },
  { dates: ['1994-04-27'], name: 'Funeral of former President Richard Nixon' },
  {
    dates: ['2001-09-11', '2001-09-12', '2001-09-13', '2001-09-14'],
    name: 'September 11 attacks',
  },
  { dates: ['2004-06-11'], name: 'National Day of Mourning for former President Ronald Reagan' },
  { dates: ['2007-01-02'], name: 'National Day of Mourning for former President Gerald Ford' },
  { dates: ['2012-10-29', '2012-10-30'], name: 'Hurricane Sandy' },
  { dates: ['2018-12-05'], name: 'National Day of Mourning for former President George H. W. Bush' },
  { dates: ['2025-01-09'], name: 'National Day of Mourning for former President Jimmy Carter' },
];

/** The special closures that fall in `year`, as (date, name) pairs. */
export function specialClosuresIn(year: number): { date: IsoDate; name: string }[] {
  const prefix = `${year}-`;
  return SPECIAL_CLOSURES.flatMap((closure) =>
    closure.dates.filter((date) => date.startsWith(prefix)).map((date) => ({ date, name: closure.name })),
  );
}
