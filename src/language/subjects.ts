/**
 * Subjects: the series a sentence is about, and the words that refer to each. Built from the
 * symbol registry (names and aliases, configured ones included) plus the descriptions copy uses
 * ("small caps", "the small-cap benchmark"). The writer asks `subjectMentions('RUT')` for ways
 * to name the Russell 2000; the reader asks `resolveSubject('small caps')` which series is meant.
 */
import { DEFAULT_SYMBOLS, SymbolRegistry } from '../symbols.ts';
import type { SymbolKey } from '../types.ts';

/** How copy describes a series besides its name. */
const DESCRIPTIONS: Record<SymbolKey, readonly string[]> = {
  RUT: [
    'small caps',
    'small-cap stocks',
    'small-cap shares',
    'the small-cap index',
    'the small-cap benchmark',
    'the small-cap gauge',
    'the Russell',
  ],
  SPX: ['large caps', 'large-cap stocks', 'the large-cap index', 'the large-cap benchmark', 'the S&P'],
  NDX: ['the Nasdaq 100', 'the tech-heavy Nasdaq-100'],
  RUJ: ['small-cap value', 'small-cap value stocks'],
  RUO: ['small-cap growth', 'small-cap growth stocks'],
  DGS2: [
    'the 2-year yield',
    'the two-year yield',
    'the two-year Treasury yield',
    'the 2-year Treasury yield',
  ],
  DGS10: [
    'the 10-year yield',
    'the 10-year Treasury yield',
    'the ten-year yield',
    'the ten-year Treasury yield',
  ],
  // The FED facts cover the futures and the Fed's own target range and calendar.
  FED: [
    'fed funds futures',
    'futures traders',
    'rate-cut odds',
    'cut odds',
    'the Federal Reserve',
    "the Fed's next rate decision",
  ],
};

/** Words that refer back to the last series named ("the index's 12.1% gain"). */
const GENERIC = ['the index', 'the benchmark', 'the gauge'];

/**
 * Market nouns the check cannot pin to one series: a figure about them is a warning, never a
 * silent pass ("the Nasdaq" may be the Nasdaq-100 or the Composite).
 */
const UNRESOLVABLE = [
  'the Dow',
  'Dow Jones',
  'the Nasdaq',
  'stocks',
  'the market',
  'equities',
  'Treasuries',
  'bonds',
  'mid caps',
  'mid-caps',
  'micro caps',
  'oil',
  'gold',
  'bitcoin',
  'the dollar',
];

export interface Mention {
  /** The series, `generic` for "the index", `unknown` for a noun no series answers to. */
  key: SymbolKey | 'generic' | 'unknown';
  words: string;
  start: number;
  end: number;
}

export interface SubjectLexicon {
  /** Every referring expression, key first in its list of words. */
  byKey: ReadonlyMap<SymbolKey, readonly string[]>;
  /** One alternation over every phrase, longest first. */
  pattern: RegExp;
  resolve(words: string): Mention['key'] | undefined;
  /** Series "the index" can mean: indexes and index funds, not yields. */
  isIndex(key: SymbolKey): boolean;
}

/** Aliases that read as names in prose: "Russell 2000", "R2K"; not file names like GSPC_ohlc. */
function proseAlias(alias: string): boolean {
  return /^[A-Za-z][A-Za-z0-9&.\- ]*$/.test(alias) && !/^[A-Z]{2,5}$/.test(alias);
}

export function subjectLexicon(
  registry: SymbolRegistry = new SymbolRegistry(DEFAULT_SYMBOLS),
): SubjectLexicon {
  const byKey = new Map<SymbolKey, string[]>();
  const byWords = new Map<string, Mention['key']>();
  const add = (key: Mention['key'], words: string) => {
    const lower = words.toLowerCase();
    if (!byWords.has(lower)) byWords.set(lower, key);
    if (key === 'generic' || key === 'unknown') return;
    const list = byKey.get(key) ?? [];
    if (!list.includes(words)) list.push(words);
    byKey.set(key, list);
  };
  const indexes = new Set<SymbolKey>();
  for (const spec of registry.specs) {
    if (spec.kind === 'future') continue;
    if (spec.kind === 'index' || spec.kind === 'etf') indexes.add(spec.key);
    add(spec.key, spec.name);
    for (const alias of spec.aliases) if (proseAlias(alias)) add(spec.key, alias);
    for (const words of DESCRIPTIONS[spec.key] ?? []) {
      add(spec.key, words);
      // Headlines drop the article: "Two-year Treasury yield falls".
      if (words.startsWith('the ')) add(spec.key, words.slice(4));
    }
  }
  for (const words of DESCRIPTIONS['FED'] ?? []) add('FED', words);
  for (const words of GENERIC) add('generic', words);
  for (const words of UNRESOLVABLE) add('unknown', words);
  const phrases = [...byWords.keys()].sort((a, b) => b.length - a.length);
  // "the S&P" must not eat "the S&P 500"; "the Nasdaq" must not eat "the Nasdaq-100".
  // A space before digits may be missing ("S&P500"): house style flags it, the claim is still read.
  const source = phrases
    .map((p) =>
      escapeRegExp(p)
        .replace(/ (?=\d)/g, String.raw`\s*`)
        .replace(/ /g, String.raw`\s+`),
    )
    .join('|');
  const pattern = new RegExp(String.raw`(?<![\w&-])(${source})(?![\w&]|-\d|\s\d)(?:['’]s)?`, 'gi');
  return {
    byKey,
    pattern,
    isIndex: (key) => indexes.has(key),
    resolve: (words) => {
      const key = words
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/['’]s$/, '');
      return byWords.get(key) ?? byWords.get(key.replace(/(?<=[a-z&])(?=\d)/g, ' '));
    },
  };
}

/** Writer's side: the ways to name a series, its name first ("Russell 2000", "small caps", ...). */
export function subjectMentions(
  key: SymbolKey,
  lexicon: SubjectLexicon = defaultLexicon(),
): readonly string[] {
  return lexicon.byKey.get(key) ?? [];
}

/** Reader's side: the series some words name, `generic`, `unknown`, or undefined if they name none. */
export function resolveSubject(words: string, lexicon: SubjectLexicon = defaultLexicon()) {
  return lexicon.resolve(words);
}

/** Every mention of a series in `text`, in order. */
export function findMentions(text: string, lexicon: SubjectLexicon): Mention[] {
  const mentions: Mention[] = [];
  for (const m of text.matchAll(lexicon.pattern)) {
    const words = m[1]!;
    const key = lexicon.resolve(words);
    if (key) mentions.push({ key, words, start: m.index, end: m.index + m[0].length });
  }
  return mentions;
}

let cached: SubjectLexicon | undefined;
export function defaultLexicon(): SubjectLexicon {
  cached ??= subjectLexicon();
  return cached;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, String.raw`\$&`);
}
