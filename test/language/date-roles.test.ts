import { describe, expect, it } from 'vitest';
import { dateRole } from '../../src/language/date-roles.ts';
import { findSuperlatives } from '../../src/language/superlatives.ts';

/** The role of the date that ends `sentence` (the date itself left out). */
function roleOf(sentence: string): string | undefined {
  const phrase = findSuperlatives(sentence).at(-1);
  const superlative = phrase && { phrase, between: sentence.slice(phrase.end) };
  return dateRole(sentence, superlative)?.fact;
}

describe('which fact a date stands for', () => {
  it.each([
    ['The Russell 2000 ended the week up 5.5%, its best week since the week ending ', 'week.best_since'],
    ['It was its best day since ', 'day.best_since'],
    ['It was its worst month since ', 'month.worst_since'],
    ['the call/put volume ratio is at its highest since ', 'highest_since'],
    [
      '967 sessions without a record close, the longest since the drought that ended on ',
      'drought_longest_since',
    ],
    ['The index is 0.8% below its record close of 2,520.44, set on ', 'record.last_date'],
    ['It is trading above its 200-day average of 2,220.54, a line it crossed on ', 'sma200.cross_date'],
    ['The signal fired on ', 'last_signal_date'],
    ['a pattern that has appeared 18 times before in data going back to ', 'history.first_date'],
    ['The Fed meets next on ', undefined],
    ['The next meeting is on ', 'next_meeting'],
    // The previous record's date is no fact of the draft: judged by value alone.
    ['It is the first record close since ', undefined],
    ['The index is up 20% since ', undefined],
  ])('%s… → %s', (sentence, fact) => {
    expect(roleOf(sentence)).toBe(fact);
  });
});
