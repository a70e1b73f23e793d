/**
 * One loader for the configuration, in a documented order: built-in defaults < the config file
 * (`wirecopy.config.json|yaml`, or `--config`) < environment (`WIRECOPY_*`) < command-line flags.
 * The merged result is validated once; a bad value is an error that names the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { Errors, WirecopyError } from './errors.ts';
import { DEFAULT_SIGNALS, signalConfigSchema } from './stats/events.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry, type SymbolSpec } from './symbols.ts';
import { plainDataOf } from './yaml-data.ts';

const symbolSchema = z.object({
  key: z.string().regex(/^[A-Z0-9_]+$/, 'use capitals, digits and _ (e.g. RUT)'),
  name: z.string().min(1),
  kind: z.enum(['index', 'etf', 'rate', 'future']),
  aliases: z.array(z.string().min(1)).default([]),
  yahoo: z.string().optional(),
  fred: z.string().optional(),
});

export const configSchema = z.object({
  /** SQLite file of the market store. */
  store: z.string().min(1).default('.wirecopy/market.db'),
  /** Folder with drafts/, articles/ and inputs/. */
  content: z.string().min(1).default('content'),
  /** Mustache templates; default: the templates/ folder that ships with wirecopy. */
  templates: z.string().min(1).optional(),
  publication: z
    .object({
      name: z.string().min(1).default('Wirecopy Small Caps'),
      siteUrl: z.url().default('https://www.example.com'),
      disclaimer: z
        .string()
        .min(1)
        .default(
          'This article is for information only and is not investment advice. Index levels are closing values; past performance does not predict future results.',
        ),
      /** Added to pieces that quote what followed past occurrences of a pattern. */
      forwardReturnsDisclaimer: z
        .string()
        .min(1)
        .default(
          'Past performance is no guarantee of future results: what followed earlier occurrences of a pattern says nothing certain about what follows this one.',
        ),
    })
    .prefault({}),
  /** Event-study signals (`S.pattern.<id>.*`), e.g. three sessions each up at least 1.5%. */
  signals: z.array(signalConfigSchema).default([...DEFAULT_SIGNALS]),
  /** The review checks (`wirecopy check`, `approve`). */
  review: z
    .object({
      /** Sessions a draft's as-of may lag the latest session in the store and still count as fresh. */
      maxAgeSessions: z.number().int().nonnegative().default(0),
    })
    .prefault({}),
  /** When each story applies; see src/drafts/stories/story.ts. */
  stories: z
    .object({
      /** Russell 2000 five-session lead over the S&P 500 that makes a relative-strength story. */
      rallyMargin: z.number().positive().default(0.02),
      /** A record that ends a drought at least this many sessions long is a story of its own. */
      longDrought: z.number().int().positive().default(60),
      /** Moves in cut odds (fraction) or the 2-year yield (percentage points) that make a rates story. */
      cutOddsMove: z.number().positive().default(0.1),
      twoYearMove: z.number().positive().default(0.15),
      /** The event-study signal the pattern story follows. */
      pattern: z.string().default('three-day-surge'),
    })
    .prefault({}),
  /** The series whose facts are computed, and the benchmark of the `vs` facts. */
  indexes: z.array(z.string()).default(['RUT', 'SPX', 'NDX', 'RUJ', 'RUO', 'IWM']),
  benchmark: z.string().default('SPX'),
  /** Extra aliases per key (`{ RUT: ['R2K'] }`) and extra series. */
  aliases: z.record(z.string(), z.array(z.string())).default({}),
  symbols: z.array(symbolSchema).default([]),
  /** Live fetching (`wirecopy fetch`, `run`); base URLs also from env WIRECOPY_{YAHOO,FRED,FRED_API,STOOQ}_URL. */
  fetch: z
    .object({
      /** Sessions fetched again before the last stored one, to pick up providers' revisions. */
      revisionSessions: z.number().int().nonnegative().default(5),
      /** Where a series with nothing stored yet starts; providers answer from their first bar. */
      historyFrom: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a YYYY-MM-DD date')
        .default('1980-01-01'),
      /** Fed funds futures contract months fetched, from the current one. */
      futureMonths: z.number().int().nonnegative().default(12),
      optionsSymbols: z.array(z.string()).default(['IWM']),
      /** The reachability probe before fetching: short, so an offline run falls back at once. */
      probeTimeoutMs: z.number().int().positive().default(2000),
      /** Per request and per series; default: the fetch core's (20 s, 120 s). */
      timeoutMs: z.number().int().positive().optional(),
      totalMs: z.number().int().positive().optional(),
      /** The largest answer read from a provider, in bytes; default: the fetch core's (8 MB). */
      maxAnswerBytes: z.number().int().positive().optional(),
      /**
       * The whole fetch of a `fetch` or `run`: past it, what has not come in is left as stored and
       * `run` drafts from the store. Well under the daily workflow's 20 minutes.
       */
      runTimeoutMs: z.number().int().positive().default(300_000),
      urls: z
        .object({
          yahoo: z.url().optional(),
          fredGraph: z.url().optional(),
          fredApi: z.url().optional(),
          stooq: z.url().optional(),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The data-quality gate (`wirecopy verify`, and before every draft). */
  verify: z
    .object({
      /** A one-day move beyond this fraction (0.1 = 10%) is suspect. */
      sanityBound: z.number().positive().default(0.1),
      /** Sessions a series may lag the session checked (rates get one more: FRED publishes a day late). */
      stalenessSessions: z.number().int().nonnegative().default(0),
      /** Largest relative difference between two sources' closes for a session (0.0001 = 0.01%). */
      crossCheckTolerance: z.number().nonnegative().default(0.0001),
      /** Beyond-bound moves in this many latest sessions fail the gate; older ones are warnings. */
      recentSessions: z.number().int().positive().default(21),
    })
    .prefault({}),
  /** Provider API keys, from the environment only (FRED_API_KEY, STOOQ_API_KEY): never from or to a file. */
  keys: z.object({ fred: z.string().min(1).optional(), stooq: z.string().min(1).optional() }).prefault({}),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigOverrides {
  config?: string;
  store?: string;
  content?: string;
}

const CONFIG_FILES = ['wirecopy.config.json', 'wirecopy.config.yaml', 'wirecopy.config.yml'];

export function loadConfig(
  flags: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Config {
  const explicit = flags.config ?? env['WIRECOPY_CONFIG'];
  const file = explicit ? resolve(cwd, explicit) : CONFIG_FILES.map((f) => resolve(cwd, f)).find(existsSync);
  const fromFile = file ? readConfigFile(file, explicit !== undefined) : {};
  if (isRecord(fromFile) && 'keys' in fromFile) {
    throw new WirecopyError(Errors.ConfigInvalid, `The config file ${file} holds API keys.`, {
      hint: 'Remove "keys" from it and set FRED_API_KEY / STOOQ_API_KEY in the environment: a config file ends up in git, keys must not.',
    });
  }
  const merged = {
    ...(fromFile !== null && typeof fromFile === 'object' ? fromFile : { invalid: fromFile }),
    ...fromEnvironment(isRecord(fromFile) ? fromFile : {}, env),
    ...(env['WIRECOPY_STORE'] ? { store: env['WIRECOPY_STORE'] } : {}),
    ...(env['WIRECOPY_CONTENT'] ? { content: env['WIRECOPY_CONTENT'] } : {}),
    ...(flags.store ? { store: flags.store } : {}),
    ...(flags.content ? { content: flags.content } : {}),
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) {
    throw new WirecopyError(
      Errors.ConfigInvalid,
      `The configuration${file ? ` in ${file}` : ''} is not valid.`,
      {
        details: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
        hint: 'Fix the fields listed above; README.md, "Configuration", lists every field and its default.',
      },
    );
  }
  return parsed.data;
}

/** Keys come only from the environment; provider base URLs from the file, overridden by the environment. */
function fromEnvironment(file: Record<string, unknown>, env: NodeJS.ProcessEnv): Record<string, unknown> {
  const urls = definedOnly({
    yahoo: env['WIRECOPY_YAHOO_URL'],
    fredGraph: env['WIRECOPY_FRED_URL'],
    fredApi: env['WIRECOPY_FRED_API_URL'],
    stooq: env['WIRECOPY_STOOQ_URL'],
  });
  const fileFetch = file['fetch'] ?? {};
  const withUrls =
    Object.keys(urls).length > 0 && isRecord(fileFetch)
      ? {
          fetch: {
            ...fileFetch,
            urls: { ...(isRecord(fileFetch['urls']) ? fileFetch['urls'] : {}), ...urls },
          },
        }
      : {};
  return { keys: definedOnly({ fred: env['FRED_API_KEY'], stooq: env['STOOQ_API_KEY'] }), ...withUrls };
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readConfigFile(file: string, required: boolean): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if (!required) return {};
    throw new WirecopyError(Errors.FileUnreadable, `Could not read the config file ${file}.`, {
      hint: 'Check the path given to --config or WIRECOPY_CONFIG.',
      cause,
    });
  }
  try {
    return file.endsWith('.json') ? JSON.parse(text) : parseConfigYaml(text);
  } catch (cause) {
    throw new WirecopyError(
      Errors.ConfigInvalid,
      `The config file ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}.`,
      {
        details: [cause instanceof Error ? cause.message : String(cause)],
        hint: 'Fix the syntax at the place named above.',
        cause,
      },
    );
  }
}

/** The YAML config as data; a syntax error, or aliases that expand too far, throw with their line. */
function parseConfigYaml(text: string): unknown {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const [error] = doc.errors;
  if (error) throw error;
  const plain = plainDataOf(doc);
  if (!plain.ok)
    throw new Error(
      `line ${lineCounter.linePos(plain.offset).line}: the file was not read: ${plain.message}`,
    );
  return plain.data ?? {};
}

/** The symbol registry of a config: the built-in series, plus configured aliases and series. */
export function symbolRegistry(config: Config): SymbolRegistry {
  const specs: SymbolSpec[] = DEFAULT_SYMBOLS.map((s) => ({
    ...s,
    aliases: [...s.aliases, ...(config.aliases[s.key] ?? [])],
  }));
  for (const extra of config.symbols) {
    const index = specs.findIndex((s) => s.key === extra.key);
    if (index >= 0) specs[index] = extra;
    else specs.push(extra);
  }
  return new SymbolRegistry(specs);
}
