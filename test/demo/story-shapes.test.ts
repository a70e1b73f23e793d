/**
 * The demo exists so that every story type can be drafted from it. These count, directly from
 * the generated closes, the shapes the stories are about. Real RUT 1990-2025 for comparison:
 * 575 record closes, a longest drought of 1,021 sessions, 73 streaks of 7+ up days, and 17
 * three-day surges.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_FIRST_SESSION, generateDemoHistory } from '../../src/fetchers/demo/generate.ts';
import {
  barsOf,
  calendarYearReturns,
  closesOf,
  countEdges,
  droughtLengths,
  logReturns,
  recordIndexes,
  runLengths,
  threeDaySurges,
  upDays,
} from './series-math.ts';
import { weekdaySessions } from './weekday-sessions.ts';

const SESSIONS = weekdaySessions(DEMO_FIRST_SESSION, '2026-11-20');
const HISTORY = generateDemoHistory(SESSIONS);
const RUT = closesOf(HISTORY, 'RUT');
const SPX = closesOf(HISTORY, 'SPX');

describe('demo story shapes, default seed', () => {
  it('has record closes spread over many years', () => {
    const records = recordIndexes(RUT);
    expect(records.length).toBeGreaterThan(200);
    expect(new Set(records.map((i) => SESSIONS[i]!.slice(0, 4))).size).toBeGreaterThanOrEqual(15);
  });

  it('has long record droughts that end in a new record', () => {
    const droughts = droughtLengths(recordIndexes(RUT));
    expect(Math.max(...droughts)).toBeGreaterThan(750);
    expect(droughts.filter((d) => d >= 250).length).toBeGreaterThanOrEqual(3);
  });

  it('has several winning streaks of seven sessions or more', () => {
    const streaks = runLengths(upDays(RUT)).filter((length) => length >= 7);
    expect(streaks.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...streaks)).toBeGreaterThanOrEqual(10);
  });

  it('has at least ten three-day surges (three sessions each up 1.5% or more), more than the S&P 500', () => {
    const surges = countEdges(threeDaySurges(RUT, 0.015));
    expect(surges).toBeGreaterThanOrEqual(10);
    expect(surges).toBeGreaterThan(countEdges(threeDaySurges(SPX, 0.015)));
  });

  it('has sharp rallies: five-session gains of 8% or more, many times', () => {
    const rallies = countEdges(RUT.map((close, i) => i >= 5 && close / RUT[i - 5]! - 1 >= 0.08));
    expect(rallies).toBeGreaterThanOrEqual(15);
  });

  it('has runs of sessions in which small caps beat the S&P 500', () => {
    const spx = logReturns(SPX);
    const runs = runLengths(logReturns(RUT).map((r, i) => r > spx[i]!));
    expect(runs.filter((length) => length >= 5).length).toBeGreaterThanOrEqual(20);
    expect(Math.max(...runs)).toBeGreaterThanOrEqual(8);
  });

  it('has small caps lagging the S&P 500 for several calendar years in a row', () => {
    const rut = calendarYearReturns(barsOf(HISTORY, 'RUT'));
    const spx = calendarYearReturns(barsOf(HISTORY, 'SPX'));
    const completedYears = [...rut.keys()].slice(0, -1);
    const behind = completedYears.map((year) => rut.get(year)! < spx.get(year)!);
    expect(Math.max(...runLengths(behind))).toBeGreaterThanOrEqual(3);
    expect(behind.filter((b) => !b).length).toBeGreaterThanOrEqual(8);
  });
});
