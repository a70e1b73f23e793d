import { describe, expect, it } from 'vitest';
import { tokenizeCsv } from '../../src/fetchers/csv/tokenize.ts';

// Expected records are worked out by hand from RFC 4180: fields split on commas outside quotes,
// "" inside quotes is one quote, a line break inside quotes belongs to the field.
describe('tokenizeCsv', () => {
  it.each([
    {
      name: 'LF lines',
      text: 'a,b\n1,2\n',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'CRLF lines',
      text: 'a,b\r\n1,2\r\n',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'CR-only lines (classic Mac)',
      text: 'a,b\r1,2\r',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    {
      name: 'no final line break',
      text: 'a,b\n1,2',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    { name: 'byte-order mark', text: '\uFEFFDate,Close\n', records: [[1, ['Date', 'Close']]] },
    {
      name: 'blank, whitespace and comma-only lines are skipped but counted',
      text: 'a,b\n\n  \n,,\n1,2\n\r\n',
      records: [
        [1, ['a', 'b']],
        [5, ['1', '2']],
      ],
    },
    { name: 'empty fields kept', text: 'a,,b,\n', records: [[1, ['a', '', 'b', '']]] },
    { name: 'quoted comma', text: '"1,234.5",x\n', records: [[1, ['1,234.5', 'x']]] },
    { name: 'doubled quote', text: '"say ""hi""",x\n', records: [[1, ['say "hi"', 'x']]] },
    { name: 'quoted empty field', text: '"",x\n', records: [[1, ['', 'x']]] },
    {
      name: 'line break inside quotes: the next record starts two lines later',
      text: 'note,v\n"two\nlines",1\nlast,2\n',
      records: [
        [1, ['note', 'v']],
        [2, ['two\nlines', '1']],
        [4, ['last', '2']],
      ],
    },
    {
      name: 'quoted fields with CRLF',
      text: '"a","b"\r\n"1","2"\r\n',
      records: [
        [1, ['a', 'b']],
        [2, ['1', '2']],
      ],
    },
    { name: 'empty text', text: '', records: [] },
  ])('$name', ({ text, records }) => {
    const tokens = tokenizeCsv(text);
    expect(tokens.unclosedQuoteLine).toBeNull();
    expect(tokens.records.map((r) => [r.line, r.fields])).toEqual(records);
  });

  it.each([
    { text: 'a,b\n"open,1\n2,3\n', line: 2, before: 1 },
    { text: '"never closed', line: 1, before: 0 },
  ])('reports the line of a quote that never closes ($line)', ({ text, line, before }) => {
    const tokens = tokenizeCsv(text);
    expect(tokens.unclosedQuoteLine).toBe(line);
    expect(tokens.records).toHaveLength(before);
  });
});
