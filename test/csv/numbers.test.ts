import { describe, expect, it } from 'vitest';
import { parseCsvNumber } from '../../src/fetchers/csv/numbers.ts';

// Values as written in the real files (RUT.csv's float32 closes, IBKR's `.0` volumes, FRED's
// exponents in ACMTP10); the parsed number is the nearest double, which Number() defines.
describe('parseCsvNumber', () => {
  it.each([
    ['2029.469970703125', 2029.469970703125],
    ['4759610000.0', 4759610000],
    ['-4.064205981091362e-05', -4.064205981091362e-5],
    ['4.221927485614785e-05', 4.221927485614785e-5],
    ['1E3', 1000],
    ['+12.5', 12.5],
    ['.5', 0.5],
    ['5.', 5],
    ['0', 0],
    ['0.0', 0],
    [' 42 ', 42],
    ['007', 7],
  ])('reads %j as %d', (raw, value) => {
    expect(parseCsvNumber(raw)).toBe(value);
  });

  it.each(['', '   ', '.', 'null', 'NULL', 'NaN', 'N/A', '#N/A', 'NA'])('reads %j as missing', (raw) => {
    expect(parseCsvNumber(raw)).toBeNull();
  });

  it.each([
    'abc',
    '1,234.5',
    '12%',
    '$12',
    '0x7D5',
    '0b101',
    '0o17',
    'Infinity',
    '-Infinity',
    '1e',
    '1e999',
    '1 2',
    '--1',
    '1_000',
  ])('refuses %j', (raw) => {
    expect(parseCsvNumber(raw)).toBeNaN();
  });
});
