import { describe, expect, it } from 'vitest';
import { diffDraft } from '../../src/review/draft-diff.ts';
import { diffSequences } from '../../src/review/sentence-diff.ts';
import { fixture } from './support.ts';

describe('diffSequences', () => {
  it.each([
    [
      ['a', 'b', 'c'],
      ['a', 'b', 'c'],
      ['same a', 'same b', 'same c'],
    ],
    [
      ['a', 'b', 'c'],
      ['a', 'B', 'c'],
      ['same a', 'changed b>B', 'same c'],
    ],
    [
      ['a', 'c'],
      ['a', 'b', 'c'],
      ['same a', 'added b', 'same c'],
    ],
    [
      ['a', 'b', 'c'],
      ['a', 'c'],
      ['same a', 'removed b', 'same c'],
    ],
    [
      ['a', 'b', 'c'],
      ['a', 'X', 'Y', 'c'],
      ['same a', 'changed b>X', 'added Y', 'same c'],
    ],
  ])('%j → %j', (before, after, expected) => {
    const ops = diffSequences(before, after, (s) => s).map((op) =>
      op.kind === 'changed'
        ? `changed ${op.before}>${op.after}`
        : op.kind === 'added'
          ? `added ${op.after}`
          : `${op.kind} ${op.before}`,
    );
    expect(ops).toEqual(expected);
  });
});

describe('diffDraft', () => {
  it('finds nothing in an untouched draft', () => {
    expect(diffDraft(fixture('original.md'), fixture('original.md'))).toEqual([]);
  });

  it('pairs the edited sentence and judges its changed number against the fact it links', () => {
    const [body, ...rest] = diffDraft(fixture('original.md'), fixture('changed-number.md'));
    expect(rest).toEqual([]);
    expect(body?.name).toBe('body');
    const edits = body!.ops.filter((op) => op.kind !== 'same');
    expect(edits).toHaveLength(1);
    const [edit] = edits;
    expect(edit?.kind).toBe('changed');
    if (edit?.kind !== 'changed') return;
    expect(edit.before.text).toBe(
      'The Russell 2000 ended the week up 2.9% at 2,467.70, its best week since the week ending Aug. 22.',
    );
    expect(edit.after.paragraph).toBe(1);
    expect(edit.numbers).toEqual([
      {
        text: '3.1%',
        verdict: expect.objectContaining({
          kind: 'mismatch',
          shown: '2.9%',
          fact: expect.objectContaining({ id: 'RUT.return.week' }),
        }),
      },
    ]);
  });

  it('shows a hand-sourced number with its source, in the body and where it is repeated', () => {
    const sections = diffDraft(fixture('original.md'), fixture('sourced-number.md'));
    expect(sections.map((s) => s.name)).toEqual(['summary', 'body']);
    const sourced = { text: '0.4%', verdict: { kind: 'sourced', source: 'CME Group', date: '2025-09-19' } };
    expect(sections[1]!.ops.find((op) => op.kind === 'added')?.numbers).toEqual([sourced]);
    // The summary repeats it without a mark, as `check` allows: the same source stands beside it.
    expect(sections[0]!.ops.find((op) => op.kind === 'changed')?.numbers).toEqual([sourced]);
  });
});
