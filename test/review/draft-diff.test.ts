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
        // The claim engine's reading: "The Russell 2000 ended the week up 3.1%".
        claim: { subject: 'Russell 2000', period: 'the week', problems: [], failed: false },
      },
    ]);
  });

  it('shows a hand-sourced number with its source, in the body and where it is repeated', () => {
    const sections = diffDraft(fixture('original.md'), fixture('sourced-number.md'));
    expect(sections.map((s) => s.name)).toEqual(['summary', 'body']);
    const sourced = expect.objectContaining({
      text: '0.4%',
      verdict: { kind: 'sourced', source: 'CME Group', date: '2025-09-19' },
    });
    expect(sections[1]!.ops.find((op) => op.kind === 'added')?.numbers).toEqual([sourced]);
    // The summary repeats it without a mark, as `check` allows: the same source stands beside it.
    expect(sections[0]!.ops.find((op) => op.kind === 'changed')?.numbers).toEqual([sourced]);
  });

  // Regression (issue 12): the Russell 2000's 12.1% written as the S&P 500's year-to-date
  // figure was annotated "matches RUT.return.ytd" by diff. Now the claim check's reading says
  // whose figure the sentence makes it, and what is wrong.
  it('names the series and period of a changed number, and a figure given for the wrong series', () => {
    const original = fixture('original.md');
    const edited = original.replace('against a 12.8%<!--fact:SPX.return.ytd--> gain', 'against a 10.7% gain');
    expect(edited).not.toBe(original);
    const body = diffDraft(original, edited).find((s) => s.name === 'body')!;
    const [number] = body.ops.find((op) => op.kind === 'changed')!.numbers;
    expect(number?.text).toBe('10.7%');
    expect(number?.claim?.subject).toBe('S&P 500');
    expect(number?.claim?.problems).toEqual([
      expect.stringMatching(/^claim-subject: .*RUT\.return\.ytd.*SPX\.return\.ytd/),
    ]);
  });

  it('lists a kept number whose words changed its claim: "rose" became "fell"', () => {
    const original = fixture('original.md');
    const edited = original.replace(
      'The S&P 500 was up 0.7%<!--fact:SPX.return.week-->',
      'The S&P 500 was down 0.7%<!--fact:SPX.return.week-->',
    );
    expect(edited).not.toBe(original);
    const body = diffDraft(original, edited).find((s) => s.name === 'body')!;
    const [number] = body.ops.find((op) => op.kind === 'changed')!.numbers;
    expect(number?.text).toBe('0.7%');
    expect(number?.claim).toMatchObject({ subject: 'S&P 500', failed: true });
    expect(number?.claim?.problems).toEqual([expect.stringMatching(/^claim-direction: “down”/)]);
  });
});
