import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/inputs/quotes.ts';
import { attributionOf, selectQuote } from '../../src/inputs/select-quote.ts';

const quote = (who: string, date: string, topics: Quote['topics']): Quote => ({
  who,
  title: 'chief strategist',
  organization: 'Example Capital',
  text: `words of ${who}`,
  date,
  source: 'https://example.com/',
  topics,
});

// As of Friday 2026-11-20; 7 days back is 2026-11-13.
const quotes = [
  quote('Future', '2026-11-21', ['rates']),
  quote('Old', '2026-11-12', ['rates']),
  quote('Edge', '2026-11-13', ['rates']),
  quote('Recent', '2026-11-18', ['rates', 'small-caps']),
  quote('Same day A', '2026-11-19', ['fed']),
  quote('Same day B', '2026-11-19', ['fed']),
];

describe('selectQuote', () => {
  it.each([
    // Future (11-21) is after as-of and Old (11-12) is 8 days old: both ignored; Recent beats Edge.
    { topic: 'rates' as const, maxAgeDays: undefined, who: 'Recent' },
    { topic: 'small-caps' as const, maxAgeDays: undefined, who: 'Recent' },
    // Two quotes on the same date: the one listed first.
    { topic: 'fed' as const, maxAgeDays: undefined, who: 'Same day A' },
    { topic: 'records' as const, maxAgeDays: undefined, who: undefined },
    // 2 days back is 11-18: Recent is exactly 2 days old and still qualifies.
    { topic: 'rates' as const, maxAgeDays: 2, who: 'Recent' },
    { topic: 'rates' as const, maxAgeDays: 1, who: undefined },
  ])('$topic within $maxAgeDays days → $who', ({ topic, maxAgeDays, who }) => {
    const selected = selectQuote(quotes, {
      topic,
      asOf: '2026-11-20',
      ...(maxAgeDays ? { maxAgeDays } : {}),
    });
    expect(selected?.who).toBe(who);
  });

  it('a quote exactly 7 days old qualifies; one 8 days old does not', () => {
    expect(selectQuote([quotes[2]!], { topic: 'rates', asOf: '2026-11-20' })?.who).toBe('Edge');
    expect(selectQuote([quotes[1]!], { topic: 'rates', asOf: '2026-11-20' })).toBeUndefined();
  });

  it('a future-dated quote is ignored, and used once its date comes', () => {
    expect(selectQuote([quotes[0]!], { topic: 'rates', asOf: '2026-11-20' })).toBeUndefined();
    expect(selectQuote([quotes[0]!], { topic: 'rates', asOf: '2026-11-21' })?.who).toBe('Future');
  });

  it('matches any of several topics', () => {
    expect(selectQuote(quotes, { topic: ['records', 'fed'], asOf: '2026-11-20' })?.who).toBe('Same day A');
  });

  it('returns the text with a ready attribution', () => {
    expect(selectQuote(quotes, { topic: 'small-caps', asOf: '2026-11-20' })).toEqual({
      text: 'words of Recent',
      attribution: 'Recent, chief strategist at Example Capital',
      who: 'Recent',
      date: '2026-11-18',
      source: 'https://example.com/',
    });
    expect(
      attributionOf({ who: 'Jane Analyst', title: 'chief strategist', organization: 'Example Capital' }),
    ).toBe('Jane Analyst, chief strategist at Example Capital');
  });
});
