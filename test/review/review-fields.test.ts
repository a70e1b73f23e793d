import { describe, expect, it } from 'vitest';
import { canonicalJson, dataHash } from '../../src/review/data-hash.ts';
import { withReview } from '../../src/review/review-fields.ts';
import { fixture } from './support.ts';

describe('withReview', () => {
  it('changes the status line and adds the review, and nothing else', () => {
    const original = fixture('original.md');
    const reviewed = withReview(original, 'rejected', {
      by: 'Sam Desk',
      at: '2026-11-21T10:00:00.000Z',
      reason: 'Stale: redo it',
    });
    const before = original.split('\n');
    const after = reviewed.split('\n');
    const removed = before.filter((line, i) => after[i] !== line && !after.includes(line));
    const added = after.filter((line) => !before.includes(line));
    expect(removed).toEqual(['status: draft']);
    expect(added).toEqual([
      'status: rejected',
      'review:',
      "  by: 'Sam Desk'",
      "  at: '2026-11-21T10:00:00.000Z'",
      "  reason: 'Stale: redo it'",
    ]);
    expect(reviewed.slice(reviewed.indexOf('\n---\n', 4))).toBe(
      original.slice(original.indexOf('\n---\n', 4)),
    );
  });
});

describe('dataHash', () => {
  it('is the same for the same facts in any key order, and changes with any value', () => {
    const facts = {
      'RUT.close': { value: 2467.7, display: '2,467.70' },
      'RUT.change.1d': { value: 0.025, display: '2.5%' },
    };
    const reordered = {
      'RUT.change.1d': { display: '2.5%', value: 0.025 },
      'RUT.close': { display: '2,467.70', value: 2467.7 },
    };
    expect(dataHash(reordered)).toBe(dataHash(facts));
    expect(dataHash({ ...facts, 'RUT.close': { value: 2467.71, display: '2,467.70' } })).not.toBe(
      dataHash(facts),
    );
    expect(canonicalJson(reordered)).toBe(
      '{"RUT.change.1d":{"display":"2.5%","value":0.025},"RUT.close":{"display":"2,467.70","value":2467.7}}',
    );
  });
});
