/**
 * The hash of the facts an approval vouched for: sha256 over the front matter's `facts` as
 * canonical JSON (keys sorted at every level), so the same facts always give the same hash
 * whatever order or YAML style they are written in, and any later change to them shows.
 */
import { createHash } from 'node:crypto';

export function dataHash(facts: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(facts)).digest('hex')}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
