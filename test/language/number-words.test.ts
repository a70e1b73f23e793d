import { describe, expect, it } from 'vitest';
import {
  cardinalWord,
  numberWord,
  ordinalAp,
  ordinalWord,
  parseNumberWord,
  parseOrdinalWord,
} from '../../src/language/number-words.ts';

describe('number words, both ways', () => {
  // AP Stylebook: spell out one through nine, figures for 10 and above; same for ordinals.
  it.each([
    [1, 'one', 'first'],
    [2, 'two', 'second'],
    [3, 'three', 'third'],
    [5, 'five', 'fifth'],
    [8, 'eight', 'eighth'],
    [9, 'nine', 'ninth'],
    [12, 'twelve', 'twelfth'],
    [20, 'twenty', 'twentieth'],
    [21, 'twenty-one', 'twenty-first'],
    [43, 'forty-three', 'forty-third'],
  ])('%i is "%s" and "%s", and reads back', (n, cardinal, ordinal) => {
    expect(cardinalWord(n)).toBe(cardinal);
    expect(ordinalWord(n)).toBe(ordinal);
    expect(parseNumberWord(cardinal)).toBe(n);
    expect(parseOrdinalWord(ordinal)).toBe(n);
  });

  it('writes one through nine in words and 10 up in figures (AP)', () => {
    expect([1, 9, 10, 18].map(numberWord)).toEqual(['one', 'nine', '10', '18']);
    expect([1, 5, 10, 22, 113].map(ordinalAp)).toEqual(['first', 'fifth', '10th', '22nd', '113th']);
  });

  it('reads ordinals in figures and ignores other words', () => {
    expect(parseOrdinalWord('5th')).toBe(5);
    expect(parseOrdinalWord('23rd')).toBe(23);
    expect(parseNumberWord('Five')).toBe(5);
    expect(parseNumberWord('fiver')).toBeUndefined();
    expect(parseOrdinalWord('fifths')).toBeUndefined();
  });
});
