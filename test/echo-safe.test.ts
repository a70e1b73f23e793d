import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, echo, echoList, escapeControls } from '../src/echo-safe.ts';

describe('echo: input text as a message may show it', () => {
  it.each([
    // [input, shown]: escapes written out by hand
    ['Close', 'Close'],
    ['\u001b[2JDate', '\\x1b[2JDate'],
    ['\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
    ['a\nb\rc\td', 'a\\nb\\rc\\td'],
    ['\u009b31m', '\\x9b31m'], // C1 CSI, one byte in 8-bit terminals
    ['\u007f', '\\x7f'],
    ['abc\u202edcba', 'abc\\u202edcba'], // right-to-left override: reorders what follows
    ['zero\u200bwidth', 'zero\\u200bwidth'],
    ['Schließkurs', 'Schließkurs'], // letters outside ASCII are not controls
  ])('%j is shown as %j', (input, shown) => {
    expect(echo(input)).toBe(shown);
    expect(escapeControls(input)).toBe(shown);
  });

  it(`keeps a text of exactly ${ECHO_LIMIT} characters whole and cuts a longer one to ${ECHO_LIMIT} with "…"`, () => {
    expect(echo('x'.repeat(80))).toBe('x'.repeat(80));
    const cut = echo('x'.repeat(81));
    expect(cut).toBe(`${'x'.repeat(79)}…`);
    expect([...cut]).toHaveLength(80);
  });

  it('never splits an escape in two when it cuts', () => {
    // 78 letters, then ESC (4 characters as \x1b): 82 > 80, so the escape goes whole.
    expect(echo(`${'a'.repeat(78)}\u001b[0m`)).toBe(`${'a'.repeat(78)}…`);
  });

  it('cuts a 5 MB header to 80 characters without reading past what it shows', () => {
    const header = `Date,Close,${'X'.repeat(5_000_000)}`;
    expect(echo(header)).toBe(`Date,Close,${'X'.repeat(68)}…`);
  });

  it('lists the first 10 items of a list, each cut, then how many more', () => {
    const columns = Array.from({ length: 25 }, (_, i) => `c${i}`);
    expect(echoList(columns)).toBe('c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, and 15 more');
    expect(echoList(['\u001b[1mBold', 'y'.repeat(100)])).toBe(`\\x1b[1mBold, ${'y'.repeat(79)}…`);
  });
});
