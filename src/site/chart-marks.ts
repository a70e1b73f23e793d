/**
 * What a piece's chart marks besides its lines: the period its copy is about and, for a record
 * piece, the record level. Drawing decisions over a snapshot (src/content/chart-snapshot.ts) and
 * the piece's facts, so they live with the site's rendering, not in the content model.
 */
import { previousSession } from '../calendar/nyse.ts';
import type { ChartSnapshot } from '../content/chart-snapshot.ts';
import type { IsoDate } from '../types.ts';

/**
 * The period each story's copy is about, highlighted on its chart: a weekly piece's five
 * sessions, a month, a day. Stories without one (a pattern study looks back decades, a record
 * piece marks its record instead) get no band.
 */
export const STORY_PERIODS: Readonly<Record<string, { sessions: number | 'month'; label: string }>> = {
  'daily-wrap': { sessions: 1, label: 'Latest session' },
  'small-cap-rally': { sessions: 5, label: 'Past five sessions' },
  'weekly-recap': { sessions: 5, label: 'Past five sessions' },
  'rates-fed': { sessions: 5, label: 'Past five sessions' },
  'monthly-recap': { sessions: 'month', label: 'This month' },
};

export interface ChartStoryMarks {
  periodFrom?: number;
  periodLabel?: string;
  record?: { level: number; label: string };
}

type Facts = Readonly<Record<string, { value: unknown; display: string }>>;

/**
 * Where the story's period starts on the chart (the close its change is measured from) and, for
 * a record piece, the record level of the lead series from its facts: the session's close when it
 * set the record, else the standing record close.
 */
export function chartStoryMarks(chart: ChartSnapshot, story: string, facts: Facts): ChartStoryMarks {
  const marks: ChartStoryMarks = {};
  const period = STORY_PERIODS[story];
  const dates = chart.dates;
  const asOf = dates.at(-1)!;
  if (period) {
    const base = periodBase(asOf, period.sessions);
    // The last charted date on or before the base close: on a thinned chart the band still covers the whole period.
    let from = -1;
    for (const [i, date] of dates.entries()) if (date <= base) from = i;
    if (from >= 0 && from < dates.length - 1) {
      marks.periodFrom = from;
      marks.periodLabel = period.label;
    }
  }
  const lead = chart.series[0]?.symbol;
  if (story === 'record-high' && lead) {
    const today = facts[`${lead}.record.today`]?.value === true ? facts[`${lead}.close`] : undefined;
    const record = today ?? facts[`${lead}.record.last_close`];
    if (record && typeof record.value === 'number') {
      marks.record = { level: record.value, label: `Record close ${record.display}` };
    }
  }
  return marks;
}

/** The close the period's change is measured from; undefined past the NYSE calendar's years. */
function periodBase(asOf: IsoDate, sessions: number | 'month'): IsoDate {
  try {
    return sessions === 'month' ? lastSessionBeforeMonth(asOf) : sessionsBack(asOf, sessions);
  } catch {
    return '';
  }
}

function sessionsBack(asOf: IsoDate, sessions: number): IsoDate {
  let date = asOf;
  for (let i = 0; i < sessions; i++) date = previousSession(date);
  return date;
}

function lastSessionBeforeMonth(asOf: IsoDate): IsoDate {
  return previousSession(`${asOf.slice(0, 7)}-01`);
}
