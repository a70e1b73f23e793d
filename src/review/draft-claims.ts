/**
 * The claims of a whole draft, read once per check and shared by the claim rules: the body run
 * by run (subjects carry from sentence to sentence), then each published text field on its own
 * (the title, the summary, the social posts), each problem placed at file:line:col.
 */
import type { Root } from 'mdast';
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import type { Measure } from '../language/measures.ts';
import { defaultLexicon, type SubjectLexicon } from '../language/subjects.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry } from '../symbols.ts';
import { type ClaimProblem, type JudgeContext, judgeReading } from './claim-judge.ts';
import { type Carry, type Claim, readClaims } from './claim-reading.ts';
import { asOfYear, referenceFacts } from './draft-facts.ts';
import { type DraftSource, draftOf, fieldValue, scalarRange } from './draft-source.ts';
import { inlineRuns } from './inline-runs.ts';
import { parseMarker } from './markers.ts';
import { fieldName, publishedTextFields } from './text-fields.ts';

export interface Options {
  /** The subjects and their words (default: the built-in series; `wirecopy check` adds the config's). */
  lexicon?: SubjectLexicon;
  registry?: SymbolRegistry;
}

export interface PlacedProblem extends ClaimProblem {
  place: Position;
  /** `body`, or the front-matter field. */
  where: string;
}

/** What the sentence says a number is about: for hints that should name a fact of that series and measure. */
export interface ClaimAbout {
  subject?: string;
  measure?: Measure;
}

export interface DraftClaims {
  problems: PlacedProblem[];
  /** By `aboutKey(where, text, n)`: the n-th occurrence of the number `text` in `where`. */
  about: Map<string, ClaimAbout>;
  /**
   * Where (`line:column`) a number the claim rules already explained starts: a date given as
   * another fact's is `claim-date`, so `number-without-fact` says nothing more about it.
   */
  explained: Set<string>;
}

/** The key of `explained` for a place. */
export function placeKey(place: Position): string {
  return `${place.start.line}:${place.start.column}`;
}

declare module 'vfile' {
  interface DataMap {
    draftClaims: DraftClaims;
  }
}

export function aboutKey(where: string, text: string, occurrence: number): string {
  return `${where}\u0000${text}\u0000${occurrence}`;
}

/** The claims of the file, read on first use (every claim rule shares one reading). */
export function draftClaims(tree: Root, file: VFile, options: Options = {}): DraftClaims {
  file.data.draftClaims ??= readDraftClaims(tree, draftOf(file), options);
  return file.data.draftClaims;
}

export function claimProblems(tree: Root, file: VFile, options: Options = {}): PlacedProblem[] {
  return draftClaims(tree, file, options).problems;
}

function readDraftClaims(tree: Root, draft: DraftSource, options: Options): DraftClaims {
  const about = new Map<string, ClaimAbout>();
  const seen = new Map<string, number>();
  const remember = (where: string, claim: Claim) => {
    const key = `${where}\u0000${claim.number.text}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    about.set(aboutKey(where, claim.number.text, n), {
      ...(claim.subject.kind === 'series' ? { subject: claim.subject.key } : {}),
      ...(claim.measure ? { measure: claim.measure } : {}),
    });
  };
  if (draft.unreadable || !draft.data) return { problems: [], about, explained: new Set() };
  const lexicon = options.lexicon ?? defaultLexicon();
  const context = judgeContext(draft, options.registry ?? new SymbolRegistry(DEFAULT_SYMBOLS));
  const problems: PlacedProblem[] = [];
  const carry: Carry = {};
  const body: Array<{ text: string; toSource: (offset: number) => number }> = [];
  for (const run of inlineRuns(tree)) {
    let text = '';
    const pieces: Array<{ at: number; source: number }> = [];
    for (const segment of run.segments) {
      if (segment.type === 'gap') {
        text += ' ';
        continue;
      }
      pieces.push({ at: text.length, source: segment.node.position?.start.offset ?? 0 });
      text += segment.node.value;
    }
    const toSource = (offset: number) => {
      const piece = pieces.filter((p) => p.at <= offset).at(-1);
      return piece ? piece.source + (offset - piece.at) : 0;
    };
    body.push({ text, toSource });
  }
  context.sourced = sourcedNumbers(body.map((b) => b.text));
  for (const { text, toSource } of body) {
    for (const problem of judgeReading(readClaims(text, lexicon, carry), context).problems) {
      problems.push({
        ...problem,
        where: 'body',
        place: draft.source.position(toSource(problem.start), toSource(problem.end)),
      });
    }
  }
  for (const path of publishedTextFields(draft)) {
    const value = fieldValue(draft, path);
    const range = scalarRange(draft, path);
    if (typeof value !== 'string' || !range) continue;
    const reading = readClaims(value, lexicon, {});
    for (const claim of reading.claims) remember(fieldName(path), claim);
    for (const problem of judgeReading(reading, context).problems) {
      const at = locateNear(draft.source.text, value.slice(problem.start, problem.end), range, problem.start);
      const place = draft.source.position(at, at === range[0] ? at : at + (problem.end - problem.start));
      problems.push({ ...problem, where: fieldName(path), place });
    }
  }
  const explained = new Set(problems.filter((p) => p.rule === 'claim-date').map((p) => placeKey(p.place)));
  return { problems, about, explained };
}

type MutableContext = Omit<JudgeContext, 'sourced'> & { sourced: ReadonlySet<string> };

/** What the claims of a draft are judged against: its facts, their values, its as-of. */
export function judgeContext(
  draft: DraftSource,
  registry: SymbolRegistry = new SymbolRegistry(DEFAULT_SYMBOLS),
): MutableContext {
  const data = draft.data ?? {};
  const values = new Map<string, unknown>();
  const entries = data['facts'];
  if (entries && typeof entries === 'object') {
    for (const [id, entry] of Object.entries(entries as Record<string, unknown>)) {
      if (entry && typeof entry === 'object') values.set(id, (entry as { value?: unknown }).value);
    }
  }
  const asOf = typeof data['asOf'] === 'string' ? data['asOf'] : undefined;
  const weekday =
    asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? new Date(`${asOf}T12:00:00Z`).getUTCDay() : undefined;
  return {
    facts: referenceFacts(data),
    values,
    year: asOfYear(data),
    asOf,
    weekday,
    nameOf: (key) => (key === 'FED' ? 'fed funds futures' : (registry.resolve(key)?.name ?? key)),
    sourced: new Set(),
  };
}

/** Numbers sourced by hand in the body: repeated unmarked elsewhere, they are that source's too. */
function sourcedNumbers(texts: readonly string[]): Set<string> {
  const sourced = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(\S+?)<!--([\s\S]*?)-->/g)) {
      if (parseMarker(`<!--${m[2]}-->`)?.kind === 'sourced') sourced.add(m[1]!.replace(/^[^\d$+−-]+/, ''));
    }
  }
  return sourced;
}

/** Where `words` (at `offset` in a field's parsed value) sits in the file, within the field's range. */
function locateNear(text: string, words: string, range: [number, number], offset: number): number {
  for (const from of [range[0] + Math.max(0, offset - 8), range[0]]) {
    const at = text.indexOf(words, from);
    if (at !== -1 && at + words.length <= range[1]) return at;
  }
  return range[0];
}
