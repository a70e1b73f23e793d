import { describe, expect, it } from 'vitest';
import {
  findMentions,
  resolveSubject,
  subjectLexicon,
  subjectMentions,
} from '../../src/language/subjects.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry } from '../../src/symbols.ts';

describe('subjects and the words for them', () => {
  it.each([
    ['Russell 2000', 'RUT'],
    ['small caps', 'RUT'],
    ['the small-cap benchmark', 'RUT'],
    ['S&P 500', 'SPX'],
    ['S&P500', 'SPX'],
    ['large caps', 'SPX'],
    ['Nasdaq-100', 'NDX'],
    ['the 2-year yield', 'DGS2'],
    ['Two-year Treasury yield', 'DGS2'],
    ['the 10-year yield', 'DGS10'],
    ['Russell 2000 Value', 'RUJ'],
    ['the index', 'generic'],
    ['the Nasdaq', 'unknown'],
    ['the Dow', 'unknown'],
    ['the weather', undefined],
  ])('%j is %s', (words, key) => {
    expect(resolveSubject(words)).toBe(key);
  });

  it('gives the writer the name first, then the descriptions', () => {
    const words = subjectMentions('RUT');
    expect(words[0]).toBe('Russell 2000');
    expect(words).toContain('small caps');
    for (const w of words) expect(resolveSubject(w)).toBe('RUT');
  });

  it('adds configured aliases from the registry', () => {
    const registry = new SymbolRegistry(
      DEFAULT_SYMBOLS.map((s) => (s.key === 'RUT' ? { ...s, aliases: [...s.aliases, 'R2K'] } : s)),
    );
    expect(resolveSubject('R2K', subjectLexicon(registry))).toBe('RUT');
  });

  it('finds the longest name: "Russell 2000 Value" is not the Russell 2000, "the Nasdaq-100" not "the Nasdaq"', () => {
    const lexicon = subjectLexicon();
    const text = 'the Russell 2000 Value index beat the Nasdaq-100 and the S&P 500';
    expect(findMentions(text, lexicon).map((m) => m.key)).toEqual(['RUJ', 'NDX', 'SPX']);
  });
});
