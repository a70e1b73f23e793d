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

export interface MethodologyRow {
  /** The id pattern: `S.return.5d`, `S.vs.B.spread.ytd`, `S.pattern.<signal>.hH.mean`, `DGS2.level`. */
  id: string;
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

export function methodologySections(): MethodologySection[] {
  const indexIds = catalogueIds(['S'], 'B', [{ id: SIGNAL }]);
  const registry = new SymbolRegistry();
  const nameOf = (key: string) => registry.resolve(key)?.name ?? key;
  return [
    {
      id: 'single-series',
      heading: 'Statistics of one index',
      intro:
        'For each index S (for example RUT, the Russell 2000), on closing prices, as of the last session on or before the date a piece speaks for.',
      rows: rows(
        indexIds.filter((id) => !id.includes('.vs.') && !id.includes('.pattern.')),
        () => ['the index', ''],
      ),
    },
    {
      id: 'relative',
      heading: 'Against the benchmark',
      intro: 'For each index S against the benchmark B (the S&P 500 unless configured otherwise).',
      rows: rows(
        indexIds.filter((id) => id.includes('.vs.')),
        () => ['the index', 'the benchmark'],
      ),
    },
    {
      id: 'patterns',
      heading: 'What followed a pattern',
      intro: `Event studies of a configured signal (by default three consecutive sessions each up at least 1.5%). Statistics marked hH are computed ${PATTERN_HORIZONS.length} times, for H = ${PATTERN_HORIZONS.join(', ')} sessions after each earlier occurrence; the baseline is the same statistic over every session with a full window, so a reader can tell whether the pattern did better than any day.`,
      rows: rows(
        unique(indexIds.filter((id) => id.includes('.pattern.')).map((id) => id.replace(/\.h\d+\./, '.hH.'))),
        () => ['the index', ''],
      ),
    },
    {
      id: 'rates-options',
      heading: 'Rates, the Fed, options and targets',
      intro:
        'Series beyond the stock indexes: Treasury yields from FRED, fed funds futures, IWM options activity, Russell 2000 value against growth, and analyst targets supplied by editors.',
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
    return [
      {
        id: id.replace(`.${SIGNAL}.`, '.<signal>.').replace(`.${ORG}.`, '.<org>.'),
        unit: UNIT_WORDS[entry.unit] ?? entry.unit,
        definition: sentence(describe(entry, series, benchmark)),
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
