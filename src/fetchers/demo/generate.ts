/**
 * The built-in demo dataset: decades of plausible, correlated daily history for every default
 * symbol, from a fixed seed. Values are simulated session by session from one random stream and
 * nothing looks ahead, so a bar depends only on the seed and the sessions up to its date: when
 * the caller's last session moves forward, every earlier bar stays as it was (append-only).
 */
import { isIsoDate } from '../../calendar/dates.ts';
import type { DailyBar, IsoDate, SymbolKey } from '../../types.ts';
import type { IndexKey } from './equity-model.ts';
import { EquityModel, INDEX_KEYS } from './equity-model.ts';
import { EtfTracker } from './etf.ts';
import type { PricePath } from './intraday.ts';
import { roundCents, sessionPath } from './intraday.ts';
import { hasPolicyMeeting } from './meetings.ts';
import { Random } from './random.ts';
import type { RatesSession } from './rates-model.ts';
import { RatesModel } from './rates-model.ts';

/**
 * Picked from the first 800 seeds, on the real NYSE sessions from 1990 to November 2026, for a
 * history that reads like the real one: RUT ~2,900 and SPX ~6,700 at the end, a 50% bear market,
 * years at the zero lower bound, 20 three-day surges, a multi-year small-cap losing streak, and a
 * recent record close. Changing it (or the model) changes every demo figure.
 */
export const DEMO_SEED = 634;
export const DEMO_FIRST_SESSION: IsoDate = '1990-01-02';

export interface DemoSeries {
  symbol: SymbolKey;
  bars: DailyBar[];
}

export interface DemoOptions {
  seed?: number;
  /**
   * Calendar days on which to publish the fed funds series (DFF, DFEDTARL, DFEDTARU), as FRED
   * does, weekends and holidays included: a day between sessions repeats the last session's
   * value. Days before the first or after the last session are left out. Without it, those
   * series follow the sessions like everything else.
   */
  calendarDays?: readonly IsoDate[];
}

/** Closes of 1989-12-29, the session before the demo's first one; RUJ/RUO are illustrative. */
const STARTING_CLOSES: Record<IndexKey, number> = {
  SPX: 353.4,
  NDX: 223.84,
  RUT: 168.31,
  RUJ: 200,
  RUO: 140,
};

/** The series generated, in the order of the default symbol list. */
export const DEMO_SYMBOLS = [
  'RUT',
  'SPX',
  'NDX',
  'RUJ',
  'RUO',
  'IWM',
  'DGS2',
  'DGS10',
  'DFF',
  'DFEDTARL',
  'DFEDTARU',
] as const;
type DemoSymbol = (typeof DEMO_SYMBOLS)[number];

type RateKey = 'DGS2' | 'DGS10' | 'DFF' | 'DFEDTARL' | 'DFEDTARU';
const RATE_FIELDS: Record<RateKey, keyof RatesSession> = {
  DGS2: 'twoYear',
  DGS10: 'tenYear',
  DFF: 'effectiveFedFunds',
  DFEDTARL: 'targetLower',
  DFEDTARU: 'targetUpper',
};
const RATE_KEYS = Object.keys(RATE_FIELDS) as RateKey[];
/** Series FRED publishes for every calendar day. */
const DAILY_RATE_KEYS: readonly RateKey[] = ['DFF', 'DFEDTARL', 'DFEDTARU'];

/**
 * One series per symbol of `DEMO_SYMBOLS`, in that order, each with a bar for every session
 * (the fed funds series on `calendarDays` when given). `sessions` must be ascending NYSE
 * session dates; the simulation starts at 1990 levels on the first of them.
 */
export function generateDemoHistory(sessions: readonly IsoDate[], options: DemoOptions = {}): DemoSeries[] {
  assertAscendingDates(sessions, 'sessions');
  if (options.calendarDays) assertAscendingDates(options.calendarDays, 'calendarDays');
  const rng = new Random(options.seed ?? DEMO_SEED);
  const equity = new EquityModel();
  const rates = new RatesModel();
  const etf = new EtfTracker();

  const bars = Object.fromEntries(DEMO_SYMBOLS.map((symbol) => [symbol, [] as DailyBar[]])) as Record<
    DemoSymbol,
    DailyBar[]
  >;
  const closes = { ...STARTING_CLOSES };
  let spxPeak = closes.SPX;

  for (let i = 0; i < sessions.length; i++) {
    const date = sessions[i]!;
    const day = equity.step(rng);
    const paths = {} as Record<IndexKey, PricePath>;
    for (const key of INDEX_KEYS) {
      paths[key] = sessionPath(closes[key], day.logReturns[key], day.volatilities[key], rng);
      closes[key] = paths[key].close;
      bars[key].push(priceBar(date, paths[key]));
    }
    bars.IWM.push(etf.step(date, paths.RUT, day.market.stress, rng));

    spxPeak = Math.max(spxPeak, closes.SPX);
    const policy = rates.step(
      {
        meeting: hasPolicyMeeting(sessions[i - 1], date),
        marketDrawdown: 1 - closes.SPX / spxPeak,
        marketLogReturn: day.market.logReturn,
      },
      rng,
    );
    for (const key of RATE_KEYS) bars[key].push(rateBar(date, policy[RATE_FIELDS[key]]));
  }

  if (options.calendarDays) {
    for (const key of DAILY_RATE_KEYS) bars[key] = onCalendarDays(bars[key], options.calendarDays);
  }
  return DEMO_SYMBOLS.map((symbol) => ({ symbol, bars: bars[symbol] }));
}

function priceBar(date: IsoDate, path: PricePath): DailyBar {
  return {
    date,
    open: roundCents(path.open),
    high: roundCents(path.high),
    low: roundCents(path.low),
    close: roundCents(path.close),
    volume: null,
  };
}

function rateBar(date: IsoDate, percent: number): DailyBar {
  return { date, open: null, high: null, low: null, close: roundCents(percent), volume: null };
}

/** Re-dates session bars onto calendar days, each day taking the last session on or before it. */
function onCalendarDays(sessionBars: readonly DailyBar[], days: readonly IsoDate[]): DailyBar[] {
  const out: DailyBar[] = [];
  const last = sessionBars.at(-1);
  let s = 0;
  for (const date of days) {
    if (last === undefined || date > last.date) break;
    while (s + 1 < sessionBars.length && sessionBars[s + 1]!.date <= date) s++;
    const bar = sessionBars[s]!;
    if (bar.date <= date) out.push({ ...bar, date });
  }
  return out;
}

function assertAscendingDates(dates: readonly IsoDate[], name: string): void {
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i]!;
    if (!isIsoDate(date))
      throw new RangeError(`${name}[${i}] is not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
    if (i > 0 && date <= dates[i - 1]!) {
      throw new RangeError(`${name} must be strictly ascending: ${dates[i - 1]} is followed by ${date}`);
    }
  }
}
