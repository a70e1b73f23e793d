/**
 * The methodology page's content, straight from the fact catalogue: every statistic a piece may
 * quote, its id pattern, its unit and how it is computed. Built from the catalogue's own id lists
 * and lookup, so the page cannot drift from what the templates may print.
 */
import {
  type CatalogueEntry,
  catalogueEntry,
  catalogueIds,
  describe,
  macroIds,
  PATTERN_HORIZONS,
} from '../facts/catalogue.ts';
import type { FactUnit } from '../facts/types.ts';
import { SymbolRegistry } from '../symbols.ts';
import { READER_NAMES } from './methodology-names.ts';

export interface MethodologyRow {
  /** The id pattern: `S.return.5d`, `S.vs.B.spread.ytd`, `S.pattern.<signal>.hH.mean`, `DGS2.level`. */
  id: string;
  /** What readers call it: "Sessions since the last record close". */
  name: string;
  unit: string;
  definition: string;
}

export interface MethodologySection {
  id: string;
  heading: string;
  intro: string;
  rows: MethodologyRow[];
}

const UNIT_WORDS: Partial<Record<FactUnit, string>> = {
  fraction: 'percentage',
  points: 'index points',
  level: 'index level',
  sessions: 'trading sessions',
  bool: 'yes or no',
  percent_rate: 'yield, in percent',
  basis_points: 'basis points',
  percentage_points: 'percentage points',
};

/** Placeholders that the catalogue's lookups accept; shown to readers in angle brackets. */
const SIGNAL = 'signal';
const ORG = 'org';

/**
 * The row id a fact of a piece falls under: `RUT.record.sessions_since` → `S.record.sessions_since`,
 * `RUT.vs.SPX.spread.ytd` → `S.vs.B.spread.ytd`, `RUT.pattern.three-day-surge.h21.mean` →
 * `S.pattern.<signal>.hH.mean`, `DGS2.level` as it is.
 */
export function methodologyRowId(factId: string, indexes: readonly string[]): string {
  const [key = '', ...rest] = factId.split('.');
  // Value against growth is a statistic of its own (listed under rates and options), not `S.vs.B`.
  if (!indexes.includes(key) || factId.startsWith('RUJ.vs.RUO.')) return factId;
  const stat = rest
    .join('.')
    .replace(/^vs\.[A-Z0-9_]+\./, 'vs.B.')
    .replace(/^pattern\.[a-z0-9-]+\./, 'pattern.<signal>.')
    .replace(/\.h\d+\./, '.hH.')
    .replace(/^target\.[a-z0-9-]+\./, 'target.<org>.');
  return `S.${stat}`;
}

/**
 * The sections with only the statistics in `used` (row ids, see `methodologyRowId`): a reader
 * finds what the published pieces quote, not the whole catalogue. Without `used`, every row.
 */
export function methodologySections(used?: ReadonlySet<string>): MethodologySection[] {
  const sections = allSections();
  if (!used) return sections;
  return sections
    .map((s) => ({ ...s, rows: s.rows.filter((r) => used.has(r.id)) }))
    .filter((s) => s.rows.length > 0);
}

function allSections(): MethodologySection[] {
  const indexIds = catalogueIds(['S'], 'B', [{ id: SIGNAL }]);
  const registry = new SymbolRegistry();
  const nameOf = (key: string) => registry.resolve(key)?.name ?? key;
  return [
    {
      id: 'single-series',
      heading: 'Statistics of one index',
      intro:
        'For each index (the Russell 2000 first), from closing prices, as of the last session on or before the date a piece speaks for.',
      rows: rows(
        indexIds.filter((id) => !id.includes('.vs.') && !id.includes('.pattern.')),
        () => ['the index', ''],
      ),
    },
    {
      id: 'relative',
      heading: 'Against the benchmark',
      intro: 'Each index against the benchmark, the S&P 500 unless the desk configures another.',
      rows: rows(
        indexIds.filter((id) => id.includes('.vs.')),
        () => ['the index', 'the benchmark'],
      ),
    },
    {
      id: 'patterns',
      heading: 'What followed a pattern',
      intro: `What followed each earlier appearance of a pattern (by default three sessions in a row, each up at least 1.5%). Each is computed over ${PATTERN_HORIZONS.join(', ')} sessions after the pattern (about one, three, six and 12 months); "any session" is the same figure after every session in the same years, so a reader can tell whether the pattern did better than an ordinary day.`,
      rows: rows(
        unique(indexIds.filter((id) => id.includes('.pattern.')).map((id) => id.replace(/\.h\d+\./, '.hH.'))),
        () => ['the index', ''],
      ),
    },
    {
      id: 'rates-options',
      heading: 'Rates, the Fed, options and targets',
      intro:
        'Series beyond the stock indexes: Treasury yields from the Federal Reserve Bank of St. Louis (FRED), fed funds futures, options on the iShares Russell 2000 ETF, Russell 2000 value against growth, and analyst targets the editors record.',
      rows: rows([...macroIds(), `S.target.${ORG}.upside`, `S.target.${ORG}.upside.points`], (id) => {
        const [key = '', , other = ''] = id.split('.');
        return [key === 'S' ? 'the index' : nameOf(key), id.includes('.vs.') ? nameOf(other) : ''];
      }),
    },
  ];
}

/** Rows for ids `KEY.stat`; `names` gives the reader's names for {S} and {B} of each id. */
function rows(ids: readonly string[], names: (id: string) => [string, string]): MethodologyRow[] {
  return ids.flatMap((id) => {
    const entry: CatalogueEntry | undefined = catalogueEntry(
      id.slice(id.indexOf('.') + 1).replace('.hH.', '.h21.'),
      id.slice(0, id.indexOf('.')),
    );
    if (!entry) return [];
    const [series, benchmark] = names(id);
    const rowId = id.replace(`.${SIGNAL}.`, '.<signal>.').replace(`.${ORG}.`, '.<org>.');
    return [
      {
        id: rowId,
        name: READER_NAMES[rowId] ?? rowId,
        unit: UNIT_WORDS[entry.unit] ?? entry.unit,
        definition: withoutFilePaths(sentence(describe(entry, series, benchmark))),
      },
    ];
  });
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** "the index's return…" → "The index's return…"; names such as "iShares" keep their case. */
function sentence(text: string): string {
  return text.startsWith('the ') ? `T${text.slice(1)}` : text;
}

/** Readers have no use for the desk's file names: "(from content/inputs/targets.yaml)" goes. */
function withoutFilePaths(text: string): string {
  return text
    .replace(/\s*\((?:from |in |see )?[\w./-]+\.(?:ya?ml|json|ts|md|csv)\)/g, '')
    .replace(/\s+\./g, '.');
}
