/**
 * Words for moves, by size, in headline (present tense) and body (past tense) registers. Sizes
 * are fractions. The thresholds follow common wire usage: "edge" under 0.25% a day, "jump" or
 * "slide" from 1.5% a day, "surge" or "tumble" from 3% a day (five-session moves use double).
 */
interface Register {
  up: readonly [number, string][];
  down: readonly [number, string][];
  flat: string;
}

const DAILY_HEADLINE: Register = {
  up: [
    [0.03, 'surge'],
    [0.015, 'jump'],
    [0.0025, 'rise'],
    [0, 'edge up'],
  ],
  down: [
    [0.03, 'tumble'],
    [0.015, 'slide'],
    [0.0025, 'fall'],
    [0, 'edge down'],
  ],
  flat: 'hold steady',
};

const DAILY_BODY: Register = {
  up: [
    [0.03, 'surged'],
    [0.015, 'jumped'],
    [0.0025, 'rose'],
    [0, 'edged up'],
  ],
  down: [
    [0.03, 'tumbled'],
    [0.015, 'slid'],
    [0.0025, 'fell'],
    [0, 'edged down'],
  ],
  flat: 'was unchanged',
};

function pick(register: Register, move: number, scale: number): string {
  if (move === 0) return register.flat;
  const steps = move > 0 ? register.up : register.down;
  const size = Math.abs(move) / scale;
  return steps.find(([threshold]) => size >= threshold)?.[1] ?? steps.at(-1)![1];
}

export const headlineVerb = (move: number, sessions = 1) =>
  pick(DAILY_HEADLINE, move, sessions === 1 ? 1 : 2);
export const bodyVerb = (move: number, sessions = 1) => pick(DAILY_BODY, move, sessions === 1 ? 1 : 2);

/** "gained" / "lost" / "was flat" for a period return. */
export function gainedOrLost(move: number): string {
  return move > 0 ? 'gained' : move < 0 ? 'lost' : 'was flat';
}

/** "up" / "down" / "flat". */
export function upOrDown(move: number): string {
  return move > 0 ? 'up' : move < 0 ? 'down' : 'flat';
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekdayName(dayOfWeek: number): string {
  return WEEKDAYS[dayOfWeek]!;
}
