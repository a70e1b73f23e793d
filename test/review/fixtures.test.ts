/**
 * The corpus: one real draft (Russell 2000 weekly recap, real data as of 2025-09-18) as generated,
 * and hand-edited copies of it, each with the message it must produce at the place it must be.
 */
import { describe, expect, it } from 'vitest';
import { sealFacts } from '../../src/drafts/fact-seal.ts';
import { fieldValue, readDraftSource } from '../../src/review/draft-source.ts';
import { fixture, messagesOf } from './support.ts';

describe('the generated draft', () => {
  it('passes every check with nothing to report', async () => {
    const { lines, counts, unreadable } = await messagesOf(fixture('original.md'), 'original.md');
    expect(lines).toEqual([]);
    expect(counts).toEqual({ errors: 0, warnings: 0, infos: 0 });
    expect(unreadable).toBe(false);
  });
});

describe('edited copies give the expected message at the expected place', () => {
  it.each([
    ['changed-number.md', ['101:36 error wirecopy:number-mismatch']],
    ['number-without-fact.md', ['103:109 error wirecopy:number-without-fact']],
    ['sourced-number.md', ['103:126 info wirecopy:sourced-number']],
    ['no-disclaimer.md', ['113:95 error wirecopy:disclaimer-missing']],
    ['x-too-long.md', ['71:3 error wirecopy:x-too-long']],
    ['broken-front-matter.md', ['6:1 error wirecopy:front-matter', '7:1 error wirecopy:front-matter']],
    ['unparsable-yaml.md', ['2:8 error wirecopy:yaml-syntax']],
    [
      'markup-slips.md',
      [
        '101:178 error wirecopy:raw-html',
        '101:183 error wirecopy:unknown-fact',
        '101:218 error wirecopy:raw-html',
        '101:242 warning wirecopy:house-style',
        '101:256 warning wirecopy:house-style',
        '101:324 error wirecopy:link-not-absolute',
      ],
    ],
  ])('%s', async (name, expected) => {
    const { lines } = await messagesOf(fixture(name), name);
    expect(lines).toEqual(expected);
  });

  it('says what the changed number should be and which fact it claims', async () => {
    const { file } = await messagesOf(fixture('changed-number.md'), 'changed-number.md');
    const [message] = file.messages;
    expect(message?.reason).toBe('3.1% does not match its fact RUT.return.week, which is 2.9%.');
    expect(message?.actual).toBe('3.1%');
    expect(message?.expected).toEqual(['2.9%']);
    expect(message?.note).toContain('<!--sourced: Source name, YYYY-MM-DD-->');
  });

  it('points an unbacked number at the closest fact', async () => {
    const { file } = await messagesOf(fixture('number-without-fact.md'), 'number-without-fact.md');
    expect(file.messages[0]?.reason).toBe('1,900 matches no fact of this draft.');
    expect(file.messages[0]?.note).toContain('The closest fact is RUT.sma200 (2,182.98).');
  });

  it('names the source of a hand-sourced number, and lets the summary repeat it', async () => {
    const { file } = await messagesOf(fixture('sourced-number.md'), 'sourced-number.md');
    expect(file.messages.map((m) => m.reason)).toEqual(['0.4% is sourced by hand: CME Group, 2025-09-19.']);
  });

  it('fails the same number, in the body and the summary, once its source mark is gone', async () => {
    const unmarked = fixture('sourced-number.md').replace('<!--sourced: CME Group, 2025-09-19-->', '');
    const { lines } = await messagesOf(unmarked, 'unmarked.md');
    expect(lines).toEqual([
      '13:109 error wirecopy:number-without-fact',
      '103:126 error wirecopy:number-without-fact',
    ]);
  });

  it('rejects a source mark without a date', async () => {
    const undated = fixture('sourced-number.md').replace(
      '<!--sourced: CME Group, 2025-09-19-->',
      '<!--sourced: CME Group-->',
    );
    const { lines } = await messagesOf(undated, 'undated.md');
    expect(lines).toContain('103:126 error wirecopy:sourced-marker-invalid');
  });

  it('tells the editor to quote an unquoted date', async () => {
    const { file } = await messagesOf(fixture('broken-front-matter.md'), 'broken.md');
    expect(file.messages[0]?.note).toContain("Quote the date ('2025-09-18')");
  });

  it('marks unparsable YAML as unreadable input, and runs no other rule on it', async () => {
    const result = await messagesOf(fixture('unparsable-yaml.md'), 'unparsable-yaml.md');
    expect(result.unreadable).toBe(true);
    expect(result.file.messages).toHaveLength(1);
  });

  it('reports the weighted length of a long X post and how much to cut', async () => {
    const { file } = await messagesOf(fixture('x-too-long.md'), 'x-too-long.md');
    expect(file.messages[0]?.reason).toBe('The X post is 373 weighted characters; X allows 280.');
    expect(file.messages[0]?.note).toMatch(/^Cut 93 /);
  });
});

describe('freshness', () => {
  it('fails a draft whose as-of is behind the latest session in the store, on the asOf line', async () => {
    const { lines, file } = await messagesOf(fixture('original.md'), 'original.md', {
      freshness: { lead: 'RUT', latestSession: '2025-09-25' },
    });
    expect(lines).toEqual(['5:1 error wirecopy:stale-data']);
    expect(file.messages[0]?.reason).toContain(
      'as-of 2025-09-18 is 5 sessions behind the latest RUT session in the store (2025-09-25)',
    );
  });

  it('accepts it within --max-age sessions', async () => {
    const { lines } = await messagesOf(fixture('original.md'), 'original.md', {
      freshness: { lead: 'RUT', latestSession: '2025-09-25', maxAgeSessions: 5 },
    });
    expect(lines).toEqual([]);
  });

  it('cannot pass when the store has no data for the lead index', async () => {
    const { lines } = await messagesOf(fixture('original.md'), 'original.md', {
      freshness: { lead: 'RUT', latestSession: undefined },
    });
    expect(lines).toEqual(['5:1 error wirecopy:freshness-unknown']);
  });

  it('fails a draft whose as-of session has not closed at the time of the check, even a published one', async () => {
    // original.md is as of 2025-09-18; at 10:00 ET that Thursday the last completed session is 09-17.
    const clock = { lastCompletedSession: '2025-09-17', checkedAt: '10:00:00 ET on 2025-09-18' };
    const freshness = { lead: 'RUT', latestSession: '2025-09-18', clock };
    const { lines, file } = await messagesOf(fixture('original.md'), 'original.md', { freshness });
    expect(lines).toEqual(['5:1 error wirecopy:session-not-closed']);
    expect(file.messages[0]?.reason).toBe(
      'The as-of session 2025-09-18 has not closed yet: it is 10:00:00 ET on 2025-09-18, and the last completed session is 2025-09-17.',
    );
    const published = fixture('original.md').replace('status: draft', 'status: published');
    expect((await messagesOf(published, 'a.md', { freshness })).lines).toEqual([
      '5:1 error wirecopy:session-not-closed',
    ]);
    const afterClose = { ...clock, lastCompletedSession: '2025-09-18' };
    expect(
      (await messagesOf(fixture('original.md'), 'a.md', { freshness: { ...freshness, clock: afterClose } }))
        .lines,
    ).toEqual([]);
  });

  it('exempts a published article, unless approve asks', async () => {
    const published = fixture('original.md').replace('status: draft', 'status: published');
    const stale = { lead: 'RUT', latestSession: '2025-09-25' };
    expect((await messagesOf(published, 'a.md', { freshness: stale })).lines).toEqual([]);
    expect(
      (await messagesOf(published, 'a.md', { freshness: { ...stale, exemptPublished: false } })).lines,
    ).toEqual(['5:1 error wirecopy:stale-data']);
  });
});

describe('facts held to what the generator wrote', () => {
  it('fails a fact edited to agree with an edited number', async () => {
    const original = fixture('original.md');
    const forged = fixture('changed-number.md').replace(
      'value: 0.02946938785487352\n    display: 2.9%',
      'value: 0.031\n    display: 3.1%',
    );
    const { lines } = await messagesOf(forged, 'forged.md', { generatedText: () => original });
    expect(lines).toContain('33:3 error wirecopy:facts-edited');
    expect(lines.filter((l) => l.includes('number-mismatch'))).toEqual([]);
  });

  it('regression: a draft whose generated facts cannot be found is an error, not an info', async () => {
    // original.md predates the seal (no generator.facts), and this store keeps no text for it.
    const { lines, file } = await messagesOf(fixture('original.md'), 'original.md', {
      generatedText: () => undefined,
    });
    expect(lines).toEqual(['14:1 error wirecopy:facts-unverified']);
    expect(file.messages[0]?.note).toContain('wirecopy draft --as-of 2025-09-18 --force');
  });

  // original.md with the seal a draft now carries: the facts as generated, in generator.facts.
  const sealed = (text: string) =>
    text.replace(
      "  contentHash: 'sha256:",
      `  facts: '${sealFacts(fieldValue(readDraftSource(fixture('original.md')), ['facts']) as never)}'\n  contentHash: 'sha256:`,
    );

  it('fails a fact edited with its number from the seal the draft carries, with no store at all', async () => {
    const forged = sealed(fixture('changed-number.md')).replace(
      'value: 0.02946938785487352\n    display: 2.9%',
      'value: 0.031\n    display: 3.1%',
    );
    const { lines, file } = await messagesOf(forged, 'forged.md', { generatedText: () => undefined });
    // The error sits on the line holding `RUT.return.week:`; the title and posts still printing 2.9% fail as well.
    const weekLine = forged.split('\n').indexOf('  RUT.return.week:') + 1;
    expect(weekLine).toBeGreaterThan(0);
    expect(lines).toContain(`${weekLine}:3 error wirecopy:facts-edited`);
    expect(file.messages.map((m) => m.reason)).toContain(
      'The facts were edited: RUT.return.week was 2.9% (0.02946938785487352) as generated, now 3.1% (0.031).',
    );
  });

  it('passes the sealed draft as generated, with no store at all', async () => {
    const { lines } = await messagesOf(sealed(fixture('original.md')), 'original.md', {
      generatedText: () => undefined,
    });
    expect(lines).toEqual([]);
  });

  it('a damaged seal is an error on generator.facts', async () => {
    const damaged = sealed(fixture('original.md')).replace(
      "facts: 'deflate-base64:",
      "facts: 'deflate-base64:xx",
    );
    const { lines } = await messagesOf(damaged, 'original.md', { generatedText: () => undefined });
    // generator: (92), version, template, then facts (95).
    // On the line of the seal, `  facts: 'deflate-base64:...` under `generator:`.
    const sealLine = damaged.split('\n').findIndex((l) => l.startsWith("  facts: 'deflate-base64:")) + 1;
    expect(lines).toEqual([`${sealLine}:3 error wirecopy:facts-unverified`]);
  });
});
