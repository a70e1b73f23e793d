import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadQuotes, parseQuotes } from '../../src/inputs/quotes.ts';
import type { InputProblem } from '../../src/types.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/inputs/${name}`, import.meta.url));

/** `code@line`, sorted by line, so a test reads like the fixture. */
const summary = (problems: InputProblem[]) =>
  [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)).map((p) => `${p.code}@${p.line}`);

describe('quotes.yaml', () => {
  it('reads a valid file: every quote, no problems', () => {
    const { quotes, problems } = loadQuotes(fixture('quotes-valid.yaml'), 'quotes.yaml');
    expect(problems).toEqual([]);
    expect(quotes.map((q) => [q.who, q.date, q.topics])).toEqual([
      ['Jane Analyst', '2026-11-19', ['small-caps', 'rates']],
      ['John Placeholder', '2026-11-17', ['records']],
      ['Ann Sample', '2026-11-20', ['fed']],
    ]);
    // A folded block scalar (>-) joins its lines with one space.
    expect(quotes[2]!.text).toBe('Placeholder words folded over two lines.');
  });

  it('reports each broken field on its own line and keeps the valid quotes', () => {
    // Lines read off quotes-broken.yaml: item 1 (line 2) has no organization; item 2's date
    // 2026-02-30 (line 13); item 3's http source (line 22); item 4 (line 25) misspells
    // organization as organisation (line 27) and lists the topic "moon" (line 31).
    const { quotes, problems } = loadQuotes(fixture('quotes-broken.yaml'), 'content/inputs/quotes.yaml');
    expect(summary(problems)).toEqual([
      'quotes/missing-field@2',
      'quotes/bad-date@13',
      'quotes/not-https@22',
      'quotes/missing-field@25',
      'quotes/unknown-field@27',
      'quotes/unknown-topic@31',
    ]);
    expect(problems.every((p) => p.severity === 'error' && p.file === 'content/inputs/quotes.yaml')).toBe(
      true,
    );
    expect(problems.every((p) => (p.hint ?? '') !== '')).toBe(true);
    expect(problems.find((p) => p.line === 13)!.message).toContain('"2026-02-30"');
    expect(problems.find((p) => p.line === 2)!.message).toBe('organization is missing');
    expect(quotes.map((q) => q.who)).toEqual(['Still Valid']);
  });

  it.each([
    // The quote opened on line 3 is never closed: the parser can only tell at the end of the
    // file, line 5 (four lines and a final newline).
    { file: 'quotes-syntax.yaml', expected: ['quotes/yaml-syntax@5'] },
    { file: 'quotes-not-a-list.yaml', expected: ['quotes/not-a-list@1'] },
  ])('$file gives no quotes and $expected', ({ file, expected }) => {
    const { quotes, problems } = loadQuotes(fixture(file), file);
    expect(summary(problems)).toEqual(expected);
    expect(quotes).toEqual([]);
  });

  it('a missing file is no quotes, not a problem', () => {
    expect(loadQuotes(fixture('no-such-file.yaml'))).toEqual({ quotes: [], problems: [] });
  });

  it.each([
    ['an empty file', ''],
    ['a file of comments', '# nothing yet\n'],
    ['an empty list', '[]\n'],
  ])('%s is no quotes, not a problem', (_name, text) => {
    expect(parseQuotes(text, 'quotes.yaml')).toEqual({ quotes: [], problems: [] });
  });

  const base = {
    who: 'who: A',
    title: 'title: t',
    organization: 'organization: O',
    text: 'text: words',
    date: 'date: 2026-11-19',
    source: 'source: https://example.com/',
    topics: 'topics: [rates]',
  };
  it.each([
    ['who: 42', 'quotes/invalid-field@1'],
    ['text: "  "', 'quotes/invalid-field@1'],
    ['topics: []', 'quotes/invalid-field@1'],
    ['source: example dot com', 'quotes/bad-source@1'],
    ['date: 2026-11-19T10:00:00Z', 'quotes/bad-date@1'],
    ['date: 2026-11-19', undefined],
  ])('a quote with %s → %s', (line, expected) => {
    const key = line.split(':')[0]!;
    // The field under test goes first, so its line is 1.
    const fields = [line, ...Object.entries(base).flatMap(([k, v]) => (k === key ? [] : [v]))];
    const { quotes, problems } = parseQuotes(`- ${fields.join('\n  ')}\n`, 'quotes.yaml');
    expect(summary(problems)).toEqual(expected === undefined ? [] : [expected]);
    expect(quotes).toHaveLength(expected === undefined ? 1 : 0);
  });
});

describe('content/inputs/quotes.example.yaml', () => {
  it('is valid, so an editor who copies it starts from a file that loads', () => {
    const path = fileURLToPath(new URL('../../content/inputs/quotes.example.yaml', import.meta.url));
    const { quotes, problems } = loadQuotes(path);
    expect(problems).toEqual([]);
    expect(quotes.map((q) => q.who)).toEqual(['Jane Analyst', 'John Placeholder']);
  });
});
