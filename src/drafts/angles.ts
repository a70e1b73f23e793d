/**
 * Newsworthiness. Each candidate fact gets a score from 0 to 100 and a reason an editor can
 * read: how big a move is next to history, whether it is a record, how long a streak or a
 * drought runs, how rare a pattern is. A story leads with its best-scoring candidate; the draft
 * lists the runners-up so the desk sees what else was in play.
 */
import type { FactSet } from '../facts/types.ts';
import { boolOf, numberOf } from './fact-view.ts';

export interface ScoredAngle {
  id: string;
  score: number;
  reason: string;
}

export type AngleRule = (f: FactSet, symbol: string) => ScoredAngle | undefined;

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
const clamp = (x: number) => Math.max(0, Math.min(100, Math.round(x)));

/** A move scores its rank among all earlier moves of its length: a top-1% day scores 99. */
const moveAngle =
  (statId: string, rankId: string, label: string): AngleRule =>
  (f, s) => {
    const move = numberOf(f, `${s}.${statId}`);
    const rank = numberOf(f, `${s}.${rankId}`);
    if (move === undefined || rank === undefined) return undefined;
    return {
      id: `${s}.${statId}`,
      score: clamp(rank * 100),
      reason: `The ${label} (${f.facts[`${s}.${statId}`]!.display}) is larger than ${pct(rank)} of all earlier ${label}s.`,
    };
  };

export const ANGLE_RULES: Record<string, AngleRule> = {
  day: moveAngle('change.1d', 'change.1d.rank', 'one-session move'),
  fiveDays: moveAngle('return.5d', 'return.5d.rank', 'five-session move'),
  record: (f, s) => {
    if (boolOf(f, `${s}.record.today`) !== true) return undefined;
    const drought = numberOf(f, `${s}.record.drought_sessions`) ?? 0;
    return {
      id: `${s}.record.today`,
      // A record is news; one that ends a long drought is bigger news (a year of sessions adds 10).
      score: clamp(85 + drought / 25),
      reason: `A record close${drought > 1 ? `, the first in ${drought} sessions` : ''}.`,
    };
  },
  recentRecord: (f, s) => {
    const since = numberOf(f, `${s}.record.sessions_since`);
    if (since === undefined || since === 0 || since > 4) return undefined;
    return {
      id: `${s}.record.last_date`,
      score: 60 - since * 5,
      reason: `A record close ${since} session(s) ago.`,
    };
  },
  upStreak: (f, s) => {
    const streak = numberOf(f, `${s}.streak.up`) ?? 0;
    if (streak < 3) return undefined;
    return {
      id: `${s}.streak.up`,
      score: clamp(40 + (streak - 3) * 9),
      reason: `${streak} higher closes in a row.`,
    };
  },
  downStreak: (f, s) => {
    const streak = numberOf(f, `${s}.streak.down`) ?? 0;
    if (streak < 3) return undefined;
    return {
      id: `${s}.streak.down`,
      score: clamp(40 + (streak - 3) * 9),
      reason: `${streak} lower closes in a row.`,
    };
  },
  outperformStreak: (f, s) => {
    const streak = numberOf(f, `${s}.vs.SPX.outperform_streak`) ?? 0;
    if (streak < 3) return undefined;
    return {
      id: `${s}.vs.SPX.outperform_streak`,
      score: clamp(35 + (streak - 3) * 8),
      reason: `Beat the S&P 500 ${streak} sessions running.`,
    };
  },
  shareOfYear: (f, s) => {
    const share = numberOf(f, `${s}.ytd_share.5d`);
    const fiveDays = numberOf(f, `${s}.return.5d`) ?? 0;
    if (share === undefined || share < 0.25 || fiveDays <= 0) return undefined;
    return {
      id: `${s}.ytd_share.5d`,
      score: clamp(45 + Math.min(share, 1) * 45),
      reason: `Five sessions made ${f.facts[`${s}.ytd_share.5d`]!.display} of the year's gain.`,
    };
  },
  relativeWeek: (f, s) => {
    const own = numberOf(f, `${s}.return.5d`);
    const spx = numberOf(f, 'SPX.return.5d');
    if (own === undefined || spx === undefined || own - spx < 0.01) return undefined;
    return {
      id: `${s}.return.5d`,
      score: clamp(40 + (own - spx) * 1000),
      reason: `Led the S&P 500 by ${((own - spx) * 100).toFixed(1)} percentage points over five sessions.`,
    };
  },
};

/** Scores a story's candidate rules for one series, best first; ties keep the rules' order. */
export function rankAngles(f: FactSet, rules: readonly AngleRule[], symbol = 'RUT'): ScoredAngle[] {
  const scored = rules.map((rule) => rule(f, symbol)).filter((a): a is ScoredAngle => a !== undefined);
  const byId = new Map<string, ScoredAngle>();
  for (const angle of scored) {
    const kept = byId.get(angle.id);
    if (!kept || angle.score > kept.score) byId.set(angle.id, angle);
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}
