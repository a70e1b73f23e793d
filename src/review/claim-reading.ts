/**
 * Reads the claims in a stretch of copy the way a fact-checker does: for each number (digits,
 * number words, fractions, hedged figures) the subject it is about, what it measures, the
 * period it covers and the direction the words give it; and every superlative ("a record",
 * "its best week since") with its subject. Sentences come from the shared splitter
 * (src/language/sentences.ts); the words from `src/language/`, the lexicon the generator writes with.
 *
 * Subjects: a figure followed by "for the S&P 500" ("a 16.4% gain for the S&P 500") is about
 * that; else about the nearest series named before it in its sentence, skipping the ones it is
 * compared with ("has beaten the S&P 500 for 5 sessions"); else about the previous sentence's
 * subject ("On Tuesday it surged 3.5%"). "The index" is the last series named.
 */
import { type DateRole, dateRole } from '../language/date-roles.ts';
import { type DirectionWord, directionAround } from '../language/directions.ts';
import { type Measure, measureAround } from '../language/measures.ts';
import { findPeriods, type PeriodPhrase } from '../language/periods.ts';
import { sentenceEnds } from '../language/sentences.ts';
import { findMentions, type Mention, type SubjectLexicon } from '../language/subjects.ts';
import { findSuperlatives, type SuperlativePhrase } from '../language/superlatives.ts';
import type { SymbolKey } from '../types.ts';
import { type Marker, parseMarker } from './markers.ts';
import { type NumberClaim, scanClaims } from './number-claims.ts';

export type Subject =
  | { kind: 'series'; key: SymbolKey; words: string; start: number }
  | { kind: 'unknown'; words: string; start: number }
  | { kind: 'none' };

export interface Claim {
  number: NumberClaim;
  /** The mark right after the number, if any. */
  marker?: Marker;
  subject: Subject;
  measure?: Measure;
  period?: PeriodPhrase;
  direction?: DirectionWord;
  /** For a date: the fact its words say it is the date of ("its best week since ..."). */
  dateRole?: DateRole;
}

export interface SuperlativeClaim {
  phrase: SuperlativePhrase;
  subject: Subject;
}

/** A year named with no figure of its own: "the first record close in 2024". */
export interface YearClaim {
  phrase: PeriodPhrase & { period: { kind: 'year'; year: number } };
  subject: Subject;
  /** After a superlative ("its best week since 2020"): the date fact whose year it gives. */
  dateRole?: DateRole;
}

export interface Reading {
  claims: Claim[];
  superlatives: SuperlativeClaim[];
  years: YearClaim[];
}

/**
 * What carries from one sentence to the next: the last subject, the last series named, and the
 * piece's topic (the first index named as a subject), which is what "the index" means.
 */
export interface Carry {
  subject?: Subject;
  lastNamed?: Subject;
  topic?: Subject;
}

const MARK = /<!--[\s\S]*?-->/g;
// Words that make the series after them a comparison, not the subject.
const COMPARED =
  /\b(?:against|than|vs\.?|versus|beaten|beating|beat|beats|outpacing|outpaced|outpaces|outpace|outran|outruns|outrun|outrunning|outperformed|outperforming|outperforms|underperformed|lagging|lagged|lags|trailing|trailed|trails|trail|behind|ahead of|leaving|for|with)\s+(?:the\s+)?$/i;
const STREAK_DIRECTION =
  /\b(?:higher|lower|up|down|gains|losses|gained|lost|rose|fell|advances|declines)\b/gi;
const FOR_SUBJECT = /^\s*(?:[\w-]+\s+){0,2}?for\s+(?:the\s+)?$/i;
// "its best week since 2020", "the longest since the drought of 2004": the year it reaches back to.
const SINCE_YEAR =
  /^(\s+|[^.;]{0,40}?\bsince\s+(?:[^.;]{0,30}?\b(?:in|of)\s+)?)((?:19|20)\d{2})\b(?![,.]?\d)/i;
const CLAUSE_BREAK = /[;:]|,\s|\s(?:and|while|but|against)\s/g;

/** The claims in `text` (marks `<!--...-->` allowed, read as the marks after numbers). */
export function readClaims(text: string, lexicon: SubjectLexicon, carry: Carry = {}): Reading {
  const blanked = text.replace(MARK, (m) => ' '.repeat(m.length));
  const reading: Reading = { claims: [], superlatives: [], years: [] };
  for (const [start, end] of sentenceSpans(blanked)) {
    readSentence(text, blanked, start, end, lexicon, carry, reading);
  }
  return reading;
}

/**
 * Sentence spans of `blanked` (the text with its marks blanked to spaces, so offsets are the
 * text's): the shared splitter of src/language/sentences.ts, the one the social posts and
 * `wirecopy diff` cut at, each span from its first non-blank character.
 */
function sentenceSpans(blanked: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const end of sentenceEnds(blanked)) {
    let from = start;
    while (from < end && /\s/.test(blanked[from]!)) from++;
    if (from < end) spans.push([from, end]);
    start = end;
  }
  return spans;
}

function readSentence(
  raw: string,
  blanked: string,
  start: number,
  end: number,
  lexicon: SubjectLexicon,
  carry: Carry,
  reading: Reading,
): void {
  const sentence = blanked.slice(start, end);
  const mentions = findMentions(sentence, lexicon).map((m) => ({
    ...m,
    start: m.start + start,
    end: m.end + start,
    compared: COMPARED.test(blanked.slice(Math.max(start, m.start + start - 16), m.start + start)),
  }));
  const periods = findPeriods(sentence).map((p) => ({ ...p, start: p.start + start, end: p.end + start }));
  const clauses = clauseStarts(sentence).map((c) => c + start);
  const clauseOf = (at: number) => clauses.filter((c) => c <= at).at(-1) ?? start;
  const previous = carry.subject ?? { kind: 'none' as const };

  /** A mention as a subject: "the index" is the piece's topic, else the last series named. */
  const asSubject = (mention: Mention, upTo: number): Subject => {
    if (mention.key === 'unknown') return { kind: 'unknown', words: mention.words, start: mention.start };
    if (mention.key !== 'generic')
      return { kind: 'series', key: mention.key, words: mention.words, start: mention.start };
    const named = mentions.filter((m) => m.end <= upTo && m.key !== 'generic' && m.key !== 'unknown').at(-1);
    const meant =
      carry.topic ??
      (named
        ? { kind: 'series' as const, key: named.key, words: named.words, start: named.start }
        : carry.lastNamed);
    return meant?.kind === 'series'
      ? { ...meant, words: mention.words, start: mention.start }
      : { kind: 'unknown', words: mention.words, start: mention.start };
  };

  const subjectAt = (figureStart: number, figureEnd: number): Subject => {
    const after = blanked.slice(figureEnd, end);
    const following = mentions.find((m) => m.start >= figureEnd);
    if (following && FOR_SUBJECT.test(after.slice(0, following.start - figureEnd))) {
      return asSubject(following, following.start);
    }
    // A possessive right before the figure owns it, compared or not: "ahead of the S&P 500's 6.7% gain".
    const owner = mentions.filter((m) => m.end <= figureStart).at(-1);
    if (
      owner &&
      /['’]s$/.test(blanked.slice(owner.start, owner.end)) &&
      blanked.slice(owner.end, figureStart).trim() === ''
    ) {
      return asSubject(owner, owner.start);
    }
    const before = mentions.filter((m) => m.end <= figureStart && !m.compared).at(-1);
    if (before) return asSubject(before, before.start);
    if (previous.kind !== 'none') return previous;
    // A sentence that opens with its figure names its series later: "After 3 straight sessions
    // ..., a run the Russell 2000 has made 18 times".
    const later = mentions.find((m) => !m.compared);
    return later ? asSubject(later, later.start) : previous;
  };

  const topic = mentions.find(
    (m) => !m.compared && m.key !== 'generic' && m.key !== 'unknown' && lexicon.isIndex(m.key),
  );
  if (!carry.topic && topic) carry.topic = asSubject(topic, topic.start);

  const superlatives = findSuperlatives(sentence);
  const claimPeriods = new Set<PeriodPhrase>();
  for (const number of scanClaims(blanked.slice(start, end))) {
    const figureStart = number.start + start;
    const figureEnd = number.end + start;
    const before = blanked.slice(start, figureStart);
    const after = blanked.slice(figureEnd, end);
    const clause = clauseOf(figureStart);
    const nextClause = clauses.find((c) => c > figureStart) ?? end;
    // A period counts in the figure's own clause; a horizon ("The next month:") labels the sentence.
    const period = periods
      .filter(
        (p) =>
          ((p.start >= clause && p.end <= nextClause) || p.period.kind === 'horizon') &&
          !(p.start <= figureStart && p.end >= figureEnd),
      )
      .sort((a, b) => distance(a, figureStart, figureEnd) - distance(b, figureStart, figureEnd))[0];
    const found =
      number.kind === 'percent' || number.kind === 'number' ? directionAround(before, after) : undefined;
    // Offsets into the whole text, so the rule can point at the word.
    const measure =
      measureAround(before, after, number.kind) ??
      (number.kind === 'percent' && found ? 'change' : undefined);
    // A streak's direction is in its verb, further back: "has closed higher for 5 straight sessions".
    const streakWord =
      !found && measure === 'streak'
        ? [...blanked.slice(clause, figureStart).matchAll(STREAK_DIRECTION)].at(-1)
        : undefined;
    const direction: DirectionWord | undefined = found
      ? {
          ...found,
          at: found.side === 'before' ? figureStart - before.length + found.at : figureEnd + found.at,
        }
      : streakWord
        ? {
            direction: /^(?:higher|up|gain|rose|advance)/i.test(streakWord[0]) ? 'up' : 'down',
            word: streakWord[0],
            side: 'before',
            at: clause + streakWord.index,
          }
        : undefined;
    if (period) claimPeriods.add(period);
    const lastSuperlative = superlatives.filter((p) => p.end + start <= figureStart).at(-1);
    const role =
      number.kind === 'date'
        ? dateRole(
            before,
            lastSuperlative && {
              phrase: lastSuperlative,
              between: blanked.slice(lastSuperlative.end + start, figureStart),
            },
          )
        : undefined;
    const markText = /^\s*(<!--[\s\S]*?-->)/.exec(raw.slice(figureEnd))?.[1];
    const marker = markText ? parseMarker(markText) : undefined;
    reading.claims.push({
      number: { ...number, start: figureStart, end: figureEnd },
      subject: subjectAt(figureStart, figureEnd),
      ...(marker ? { marker } : {}),
      ...(measure ? { measure } : {}),
      ...(period ? { period } : {}),
      ...(direction ? { direction } : {}),
      ...(role ? { dateRole: role } : {}),
    });
  }

  // The sentence's subject: its first series named as a subject (not compared), else the carry.
  const first = mentions.find((m) => !m.compared);
  const subject = first ? asSubject(first, first.start) : previous;
  for (const phrase of periods) {
    const { period } = phrase;
    if (period.kind === 'year' && period.year !== undefined && !claimPeriods.has(phrase))
      reading.years.push({ phrase: { ...phrase, period: { kind: 'year', year: period.year } }, subject });
  }
  for (const phrase of superlatives) {
    const since = sinceYear(sentence, phrase);
    if (since)
      reading.years.push({
        ...since,
        phrase: { ...since.phrase, start: since.phrase.start + start, end: since.phrase.end + start },
        subject,
      });
    reading.superlatives.push({
      phrase: { ...phrase, start: phrase.start + start, end: phrase.end + start },
      subject,
    });
  }
  if (subject.kind !== 'none') carry.subject = subject;
  const lastNamed = mentions.filter((m) => m.key !== 'generic' && m.key !== 'unknown').at(-1);
  if (lastNamed) carry.lastNamed = asSubject(lastNamed, lastNamed.start);
}

/** The year a superlative reaches back to, with the fact whose year that is. */
function sinceYear(sentence: string, phrase: SuperlativePhrase): Omit<YearClaim, 'subject'> | undefined {
  const m = SINCE_YEAR.exec(sentence.slice(phrase.end));
  if (!m || !(/since$/i.test(phrase.words) || /\bsince\b/i.test(m[1]!))) return undefined;
  const role = dateRole('', { phrase, between: m[1]! });
  if (!role) return undefined;
  const at = phrase.end + m[1]!.length;
  const year = Number(m[2]);
  return { phrase: { period: { kind: 'year', year }, words: m[2]!, start: at, end: at + 4 }, dateRole: role };
}

function clauseStarts(sentence: string): number[] {
  const starts = [0];
  for (const m of sentence.matchAll(CLAUSE_BREAK)) starts.push(m.index + m[0].length);
  return starts;
}

function distance(p: { start: number; end: number }, figureStart: number, figureEnd: number): number {
  return p.end <= figureStart ? figureStart - p.end : p.start - figureEnd;
}
