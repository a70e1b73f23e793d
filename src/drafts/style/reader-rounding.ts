/**
 * Figures rounded to what a reader needs, in forms `wirecopy check` verifies against the exact
 * fact (src/language/hedges.ts): a share of 72.3% reads "more than 70%" (70 < v < 80), 78.4%
 * "nearly 80%" (70 ≤ v < 80), 7.4% "about 7%"; a hit rate of 61.1% over 18 cases reads "11 of
 * 18 times" (the check reads 11/18 back as 61.1%). The exact value stays in the fact link.
 */
import { countWords } from './ap-numbers.ts';

/** A share (fraction, 0–1) as "more than 70%", "nearly 80%", "about 7%", "half". */
export function roundedShare(share: number): string {
  const percent = share * 100;
  if (Math.abs(percent - 50) < 1e-9) return '50%';
  if (percent < 10) return `about ${Math.round(percent)}%`;
  const tens = Math.floor(percent / 10) * 10;
  if (Math.abs(percent - tens) < 1e-9) return `${tens}%`;
  return percent - tens < 5 ? `more than ${tens}%` : `nearly ${tens + 10}%`;
}

/**
 * "11 of 18 times" for a hit rate over n cases: the count the rate stands for. `undefined`
 * when the rate is not a whole number of cases (it was computed over another count).
 */
export function timesOf(rate: number, cases: number): string | undefined {
  const hits = Math.round(rate * cases);
  if (cases <= 0 || Math.abs(hits / cases - rate) > 0.0005) return undefined;
  return `${countWords(hits)} of ${countWords(cases)} times`;
}
