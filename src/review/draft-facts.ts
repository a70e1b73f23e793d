/**
 * The facts a draft's numbers are checked against: the front matter's `facts` (id → {value,
 * display}) and the dates the front matter itself states (as-of, publication date, the first
 * and last session of each source). Read leniently, so one broken fact does not hide the rest.
 */

export type FactKind = 'percent' | 'number' | 'date' | 'other';

export interface IsoDay {
  year: number;
  month: number;
  day: number;
}

export interface ReferenceFact {
  id: string;
  display: string;
  kind: FactKind;
  /** The number as copy prints it: 8.5 for a fraction of 0.085, 4.02 for a 4.02% yield, 2442.74 for a level. */
  printed?: number;
  date?: IsoDay;
}

export function referenceFacts(data: Record<string, unknown> | undefined): ReferenceFact[] {
  if (!data) return [];
  const facts: ReferenceFact[] = [];
  const entries = data['facts'];
  if (entries && typeof entries === 'object' && !Array.isArray(entries)) {
    for (const [id, entry] of Object.entries(entries as Record<string, unknown>)) {
      if (!entry || typeof entry !== 'object') continue;
      const { value, display } = entry as { value?: unknown; display?: unknown };
      facts.push(describeFact(id, value, typeof display === 'string' ? display : String(display ?? '')));
    }
  }
  for (const field of ['asOf', 'date']) {
    const day = isoDayOf(data[field]);
    if (day)
      facts.push({ id: `front matter ${field}`, display: String(data[field]), kind: 'date', date: day });
  }
  if (Array.isArray(data['sources'])) {
    for (const source of data['sources'] as Array<Record<string, unknown>>) {
      for (const field of ['first', 'last']) {
        const day = isoDayOf(source?.[field]);
        const id = `sources ${String(source?.['symbol'] ?? '?')} ${field}`;
        if (day) facts.push({ id, display: String(source?.[field]), kind: 'date', date: day });
      }
    }
  }
  return facts;
}

export function describeFact(id: string, value: unknown, display: string): ReferenceFact {
  const date = isoDayOf(value);
  if (date) return { id, display, kind: 'date', date };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { id, display, kind: 'other' };
  if (!display.trim().endsWith('%')) return { id, display, kind: 'number', printed: value };
  // A fraction (0.085 → "8.5%") or a rate already in percent (4.02 → "4.02%"): the display says which.
  const shown = Number(display.replace(/[%,\s+−-]/g, ''));
  const asFraction = value * 100;
  const printed =
    Math.abs(Math.abs(asFraction) - shown) <= Math.abs(Math.abs(value) - shown) ? asFraction : value;
  return { id, display, kind: 'percent', printed };
}

/** The as-of year: what a date without a year ("Sept. 18") means. */
export function asOfYear(data: Record<string, unknown> | undefined): number | undefined {
  return isoDayOf(data?.['asOf'])?.year;
}

function isoDayOf(value: unknown): IsoDay | undefined {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string') return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}
