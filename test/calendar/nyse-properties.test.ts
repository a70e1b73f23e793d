import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOfWeek, fromDayNumber, toDayNumber } from '../../src/calendar/dates.ts';
import {
  CALENDAR_FIRST,
  CALENDAR_LAST,
  closureReason,
  countSessionsBetween,
  earlyClose,
  isSession,
  nextSession,
  previousSession,
  sessionOnOrBefore,
  sessionsBetween,
} from '../../src/calendar/nyse.ts';

const FIRST_SESSION = '1980-01-02';
const LAST_SESSION = '2027-12-31';

const coveredDate = fc
  .integer({ min: toDayNumber(CALENDAR_FIRST), max: toDayNumber(CALENDAR_LAST) })
  .map(fromDayNumber);

/** Two covered dates, earlier first, at most ~3 years apart so runs stay quick. */
const orderedPair = fc
  .tuple(coveredDate, fc.integer({ min: 0, max: 1100 }))
  .map(
    ([a, span]) => [a, fromDayNumber(Math.min(toDayNumber(a) + span, toDayNumber(CALENDAR_LAST)))] as const,
  );

describe('NYSE calendar properties', () => {
  it('every session is a weekday; a day is a session exactly when it has no closure reason', () => {
    fc.assert(
      fc.property(coveredDate, (date) => {
        if (isSession(date)) expect([0, 6]).not.toContain(dayOfWeek(date));
        expect(closureReason(date) === null).toBe(isSession(date));
        if (earlyClose(date) !== null) expect(isSession(date)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('previousSession(nextSession(d)) === d for sessions, and the reverse', () => {
    fc.assert(
      fc.property(coveredDate, (date) => {
        const session = sessionOnOrBefore(date < FIRST_SESSION ? FIRST_SESSION : date);
        if (session !== LAST_SESSION) expect(previousSession(nextSession(session))).toBe(session);
        if (session !== FIRST_SESSION) expect(nextSession(previousSession(session))).toBe(session);
      }),
      { numRuns: 2000 },
    );
  });

  it('sessionOnOrBefore(d) is the latest session not after d', () => {
    fc.assert(
      fc.property(coveredDate, (date) => {
        fc.pre(date >= FIRST_SESSION);
        const session = sessionOnOrBefore(date);
        expect(session <= date && isSession(session)).toBe(true);
        expect(countSessionsBetween(session, date)).toBe(0);
      }),
    );
  });

  it('sessionsBetween length = countSessionsBetween + the endpoints that are sessions', () => {
    fc.assert(
      fc.property(orderedPair, ([a, b]) => {
        const sessions = sessionsBetween(a, b);
        const endpoints = a === b ? Number(isSession(a)) : Number(isSession(a)) + Number(isSession(b));
        expect(sessions.length).toBe(countSessionsBetween(a, b) + endpoints);
      }),
      { numRuns: 500 },
    );
  });

  it('sessionsBetween is ascending, all sessions, and skips none', () => {
    fc.assert(
      fc.property(orderedPair, ([a, b]) => {
        const sessions = sessionsBetween(a, b);
        for (let i = 0; i < sessions.length; i++) {
          const session = sessions[i]!;
          expect(isSession(session)).toBe(true);
          if (i > 0) expect(nextSession(sessions[i - 1]!)).toBe(session);
        }
      }),
      { numRuns: 200 },
    );
  });
});
