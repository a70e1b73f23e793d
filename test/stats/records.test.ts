import { describe, expect, it } from 'vitest';
import { analyzeSeries, indexStatsAt } from '../../src/stats/analysis.ts';
import { missingFor, resultFor, seriesOf, valueFor } from './helpers.ts';

// Records (strictly above every earlier close): index 0 (vacuously, the first high), 2 (101),
// 5 (102), 6 (103), 9 (104). Droughts, sessions strictly between two records: ended by 2: 1
// session (1); by 5: 2 (3, 4); by 6: 0; by 9: 2 (7, 8). The year turns between 3 and 4.
const S = seriesOf('T', [
  ['2023-12-26', 100], // 0 record (first)
  ['2023-12-27', 99], // 1
  ['2023-12-28', 101], // 2 record
  ['2023-12-29', 100], // 3
  ['2024-01-02', 100], // 4 equal is not a record
  ['2024-01-03', 102], // 5 record
  ['2024-01-04', 103], // 6 record
  ['2024-01-05', 101], // 7
  ['2024-01-08', 99], // 8
  ['2024-01-09', 104], // 9 record
  ['2024-01-10', 100], // 10
]);
const a = analyzeSeries(S);
const at = (i: number) => indexStatsAt(a, i);

describe('record stats', () => {
  // Columns: today, last record index, sessions since, drought sessions, index of the record that
  // ended the most recent earlier drought at least as long (null: none), count YTD (null: 2023,
  // whose start history doesn't reach). Each row is worked from the drought list above.
  it.each([
    [1, false, 0, 1, 1, null, null], // drought 1; no earlier drought at all
    [2, true, 2, 0, 1, null, null], // drought ended today: 1; none earlier
    [3, false, 2, 1, 1, 2, null], // drought 1; the one ended by 2 was 1 long
    [4, false, 2, 2, 2, null, 0], // drought 2; the only earlier one was 1
    [5, true, 5, 0, 2, null, 1], // ended today: 2; earlier only 1
    [6, true, 6, 0, 0, 5, 2], // ended today: 0; the most recent earlier (by 5, 2 long) is >= 0
    [7, false, 6, 1, 1, 5, 2], // drought 1; by 6 was 0, by 5 was 2
    [8, false, 6, 2, 2, 5, 2],
    [9, true, 9, 0, 2, 5, 3], // ended today: 2 (7, 8); by 5 was 2: as long counts
    [10, false, 9, 1, 1, 9, 3], // drought 1; by 9 was 2
  ])(
    'session %i: today %s, last record %i, since %i, drought %i, longest since %s, count ytd %s',
    (i, today, last, since, drought, longestSince, count) => {
      const r = at(i);
      expect(valueFor(r, 'record.today')).toBe(today);
      expect(valueFor(r, 'record.last_date')).toBe(S.dates[last]);
      expect(valueFor(r, 'record.last_close')).toBe(S.closes[last]);
      expect(valueFor(r, 'record.sessions_since')).toBe(since);
      expect(valueFor(r, 'record.drought_sessions')).toBe(drought);
      expect(valueFor(r, 'record.drought_longest_since')).toBe(
        longestSince === null ? null : S.dates[longestSince],
      );
      if (count === null)
        expect(missingFor(r, 'record.count_ytd')).toMatch(/^needs a close of T before 2023/);
      else expect(valueFor(r, 'record.count_ytd')).toBe(count);
    },
  );

  it.each([
    [1, 99 / 100 - 1], // -0.01 below the 100 of session 0
    [4, 100 / 101 - 1], // -0.0099...
    [8, 99 / 103 - 1], // -0.0388...
    [9, 0],
  ])('session %i: pct_below = %f', (i, expected) => {
    expect(valueFor(at(i), 'record.pct_below')).toBeCloseTo(expected, 12);
  });

  it('counts the first session as the first high, but no drought ends there', () => {
    expect(valueFor(at(0), 'record.today')).toBe(true);
    expect(missingFor(at(0), 'record.drought_sessions')).toBe(
      'needs a record close of T before 2023-12-26, the first session of history',
    );
  });

  it('names the current drought and the earlier one that was at least as long', () => {
    // Session 9: drought from record 6 (2024-01-04) to 9 (2024-01-09), 4 sessions read; the earlier
    // drought ran from record 2 (2023-12-28) to record 5 (2024-01-03).
    expect(resultFor(at(9), 'record.drought_longest_since')).toEqual({
      id: 'record.drought_longest_since',
      value: '2024-01-03',
      inputs: [
        { series: 'T', from: '2024-01-04', to: '2024-01-09', sessions: 4 },
        { series: 'T', from: '2023-12-28', to: '2024-01-03', sessions: 4 },
      ],
    });
  });
});
