/**
 * Which editor-supplied quote, if any, a story may print. A quote goes in only when it is on the
 * story's topic and fresh: said on or before the as-of date (a quote dated later cannot be
 * about that session) and at most `maxAgeDays` calendar days before it. The most recent wins;
 * on the same date, the one listed first in the file.
 */
import { toDayNumber } from '../calendar/dates.ts';
import type { IsoDate } from '../types.ts';
import type { Quote, QuoteTopic } from './quotes.ts';

export interface QuoteQuery {
  /** One topic, or several: a quote on any of them qualifies. */
  topic: QuoteTopic | readonly QuoteTopic[];
  asOf: IsoDate;
  /** Calendar days; a quote exactly this old still qualifies. Default 7. */
  maxAgeDays?: number;
}

export interface SelectedQuote {
  text: string;
  /** Who said it, as printed after the quote: "Jane Analyst, chief strategist at Example Capital". */
  attribution: string;
  who: string;
  date: IsoDate;
  source: string;
}

export function attributionOf(quote: Pick<Quote, 'who' | 'title' | 'organization'>): string {
  return `${quote.who}, ${quote.title} at ${quote.organization}`;
}

export function selectQuote(quotes: readonly Quote[], query: QuoteQuery): SelectedQuote | undefined {
  const topics: readonly QuoteTopic[] = typeof query.topic === 'string' ? [query.topic] : query.topic;
  const maxAge = query.maxAgeDays ?? 7;
  const asOfDay = toDayNumber(query.asOf);
  let best: Quote | undefined;
  for (const quote of quotes) {
    const age = asOfDay - toDayNumber(quote.date);
    if (age < 0 || age > maxAge || !quote.topics.some((topic) => topics.includes(topic))) continue;
    // Strictly later only: on a tie the quote listed first stays.
    if (best === undefined || quote.date > best.date) best = quote;
  }
  return best === undefined
    ? undefined
    : {
        text: best.text,
        attribution: attributionOf(best),
        who: best.who,
        date: best.date,
        source: best.source,
      };
}
