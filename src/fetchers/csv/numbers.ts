/**
 * Number cells: plain decimals with an optional sign and exponent (`2029.469970703125`,
 * `4759610000.0`, `-4.06e-05`), kept exactly as parsed: float32 artefacts are rounded later, by
 * the store and the stats, not here.
 *
 * `Number()` does the parsing (it is the fastest correct decimal reader there is), but it also
 * takes hex, binary and octal literals (`0x1F`), `Infinity`, and blank text (as 0); those are
 * turned away here. Thousands separators and currency signs are refused rather than guessed at:
 * `1,234` may be one thousand or one point two.
 */

/** Markers vendors write for "no value": FRED's `.`, Yahoo's `null`, spreadsheets' `#N/A`. */
const MISSING_MARKERS = new Set(['', '.', 'null', 'nan', 'na', 'n/a', '#n/a']);

/**
 * The number in a cell; `null` when the cell is blank or a missing-value marker; `NaN` when it
 * holds text that is not a plain number (the caller reports it).
 */
export function parseCsvNumber(raw: string): number | null {
  if (raw.length === 0) return null;
  const text = isPadded(raw) ? raw.trim() : raw;
  const value = Number(text);
  if (Number.isFinite(value) && text.length > 0 && !hasRadixPrefix(text)) return value;
  return MISSING_MARKERS.has(text.toLowerCase()) ? null : Number.NaN;
}

function isPadded(text: string): boolean {
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
}

/** `0x1F`, `0b101`, `0o17`: literals `Number()` reads but no market file means. */
function hasRadixPrefix(text: string): boolean {
  if (text.length < 3 || text.charCodeAt(0) !== 48 /* 0 */) return false;
  const letter = text.charCodeAt(1) | 0x20; // lower-cased
  return letter === 120 /* x */ || letter === 98 /* b */ || letter === 111 /* o */;
}
