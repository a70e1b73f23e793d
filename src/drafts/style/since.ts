/**
 * A "best … since" is news only when the date reaches back past the period right before: "its
 * best month since October" said in November only means October was better (issue 11). The
 * view prints such a superlative only when `reachesBack` says so; the style gate counts the
 * ones that do not (gate.ts).
 */

/** At least this many periods between the as-of period and the one the superlative names. */
export const MIN_PERIODS_BACK = 2;

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** How many periods (`day` counts calendar days over sessions, roughly) `since` is before `asOf`. */
function periodsBack(unit: string, since: string, asOf: string): number | undefined {
  switch (unit) {
    case 'month':
      return monthIndex(asOf) - monthIndex(since);
    case 'week':
      return Math.round(daysBetween(since, asOf) / 7);
    case 'day':
    case 'session':
      // A weekend or a holiday between two sessions is still one session back.
      return daysBetween(since, asOf) <= 4 ? 1 : MIN_PERIODS_BACK;
    default:
      return undefined;
  }
}

/** Whether "best <unit> since <since>" on `asOf` says more than "the period before was better". */
export function reachesBack(unit: string, since: string, asOf: string, min = MIN_PERIODS_BACK): boolean {
  const back = periodsBack(unit, since, asOf);
  return back === undefined || back >= min;
}
