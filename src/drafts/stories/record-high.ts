/** A record close in the last five sessions, or the end of a long stretch without one. */
import { ANGLE_RULES } from '../angles.ts';
import { boolOf, numberOf } from '../fact-view.ts';
import { CORE_FACTS } from './daily-wrap.ts';
import type { Story } from './story.ts';

export const recordHigh: Story = {
  id: 'record-high',
  slug: 'record-high',
  template: 'articles/record-high',
  quoteTopics: ['records', 'small-caps'],
  tags: ['records'],
  requires: [...CORE_FACTS, 'RUT.record.last_date', 'RUT.record.last_close', 'RUT.record.count_ytd'],
  needs: ['RUT', 'RUT.history', 'SPX'],
  applies(f) {
    const since = numberOf(f, 'RUT.record.sessions_since');
    if (since === undefined || since > 4) return null;
    return since === 0
      ? `The Russell 2000 closed at a record (${f.facts['RUT.record.count_ytd']?.display ?? '?'} this year).`
      : `The Russell 2000 set a record ${since} session(s) ago.`;
  },
  angles: [
    ANGLE_RULES['record']!,
    ANGLE_RULES['recentRecord']!,
    ANGLE_RULES['upStreak']!,
    ANGLE_RULES['fiveDays']!,
  ],
  oldNews: (f) => boolOf(f, 'RUT.record.today') !== true,
  headline(f, _lead, pick) {
    const record = f.facts['RUT.record.last_close']!.display;
    const drought = numberOf(f, 'RUT.record.drought_sessions') ?? 0;
    if (boolOf(f, 'RUT.record.today') !== true) {
      return `Russell 2000 holds near the record ${record} it set on ${f.facts['RUT.record.last_date']!.display}`;
    }
    if (drought >= 250) {
      return `Russell 2000 sets its first record in ${f.facts['RUT.record.drought_sessions']!.display} sessions`;
    }
    return pick([
      `Russell 2000 closes at a record ${record}`,
      `Small caps set a record: Russell 2000 ends at ${record}`,
    ]);
  },
};
