/**
 * One loader for the configuration, in a documented order: built-in defaults < the config file
 * (`--config`, `WIRECOPY_CONFIG`, or the nearest `wirecopy.config.json|yaml` upward from the
 * working folder: see config-file.ts) < environment (`WIRECOPY_*`) < command-line flags. The
 * merged result is validated once, strictly (an unknown field is an error, not a silent default);
 * a bad value is an error that names the file, the line and the field.
 */
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { strict } from './config-fields.ts';
import { type ConfigFile, discoverConfigFile, readConfigFile } from './config-file.ts';
import { assertNoSecrets } from './config-secrets.ts';
import { Errors, WirecopyError } from './errors.ts';
import { DEFAULT_SIGNALS, signalConfigSchema } from './stats/events.ts';
import { DEFAULT_YTD_RACE } from './stats/lead-since.ts';
import { DEFAULT_SUPERLATIVE_MIN_PERIODS } from './stats/superlatives.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry, type SymbolSpec } from './symbols.ts';

const DEFAULT_STORE = '.wirecopy/market.db';
const DEFAULT_CONTENT = 'content';

/** An address wirecopy links to or fetches from: http or https, nothing else (no file:, ftp:, javascript:). */
const webAddress = (example: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http:// or https:// address, e.g. ${example}` });

const symbolSchema = strict.object({
  key: z.string().regex(/^[A-Z0-9_]+$/, 'use capitals, digits and _ (e.g. RUT)'),
  name: z.string().min(1),
  kind: z.enum(['index', 'etf', 'rate', 'future']),
  aliases: z.array(z.string().min(1)).default([]),
  yahoo: z.string().optional(),
  fred: z.string().optional(),
});

export const configSchema = strict.object({
  /** SQLite file of the market store. */
  store: z.string().min(1).default(DEFAULT_STORE),
  /** Folder with drafts/, articles/ and inputs/. */
  content: z.string().min(1).default(DEFAULT_CONTENT),
  /** Mustache templates; default: the templates/ folder that ships with wirecopy. */
  templates: z.string().min(1).optional(),
  publication: strict
    .object({
      name: z.string().min(1).default('Wirecopy Small Caps'),
      siteUrl: webAddress('https://www.example.com').default('https://www.example.com'),
      disclaimer: z
        .string()
        .min(1)
        .default(
          'This article is for information only and is not investment advice. Index levels are closing values; past performance does not predict future results.',
        ),
      /**
       * Added, in the same block as `disclaimer`, to pieces that quote what followed past
       * occurrences of a pattern; `disclaimer` already says past performance does not predict.
       */
      forwardReturnsDisclaimer: z
        .string()
        .min(1)
        .default(
          'What followed earlier occurrences of a pattern says nothing certain about what follows this one.',
        ),
      /** The byline of a piece whose review names no editor, and the JSON-LD author then. */
      desk: z.string().min(1).default('The Small Caps Desk'),
      /**
       * The newsletter sign-up form (Buttondown, Mailchimp and ConvertKit embeds all post an email
       * field to an action URL). Unset: no form anywhere, never a dead one.
       */
      subscribe: strict
        .object({
          action: webAddress('https://buttondown.com/api/emails/embed-subscribe/NAME'),
          emailField: z.string().min(1).default('email'),
          /** Fixed fields the provider's embed code sends along (a list id, a tag). */
          hidden: z.record(z.string(), z.string()).default({}),
        })
        .optional(),
    })
    .prefault({}),
  /** Event-study signals (`S.pattern.<id>.*`), e.g. three sessions each up at least 1.5%. */
  signals: z.array(signalConfigSchema).default([...DEFAULT_SIGNALS]),
  /** The review checks (`wirecopy check`, `approve`). */
  review: strict
    .object({
      /** Sessions a draft's as-of may lag the latest session in the store and still count as fresh. */
      maxAgeSessions: z.number().int().nonnegative().default(0),
    })
    .prefault({}),
  /** The newsletter's sender details (`wirecopy newsletter`). */
  newsletter: strict
    .object({
      /**
       * The sender's postal address, printed in every issue's footer: CAN-SPAM requires one in
       * commercial email, so a real send (`--send-test`) refuses to go without it.
       */
      postalAddress: z.string().trim().min(1).optional(),
      /**
       * The list's one-click unsubscribe address (https, RFC 8058) for the `List-Unsubscribe`
       * headers; without it they name the sender's mailbox (`mailto:`) only.
       */
      unsubscribeUrl: webAddress('https://news.example.com/unsubscribe').optional(),
    })
    .prefault({}),
  /** When each story applies; see src/drafts/stories/story.ts. */
  stories: strict
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
      /** The document plan (src/drafts/plan.ts): a section prints candidates scoring at least this… */
      sectionThreshold: z.number().min(0).max(100).default(40),
      /** …at most this many per section… */
      perSection: z.number().int().positive().default(2),
      /** …and a candidate scoring at least this in every piece, whatever the story. */
      mustCarry: z.number().min(0).max(100).default(85),
      /**
       * A headline move smaller than this (fraction) is no story on its own: the headline leads
       * with a bigger fact ("little changed, up 8.1% for the year"). Per period of the move.
       */
      headlineMinMove: strict
        .object({
          day: z.number().nonnegative().default(0.0025),
          five: z.number().nonnegative().default(0.005),
          week: z.number().nonnegative().default(0.005),
          month: z.number().nonnegative().default(0.005),
        })
        .prefault({}),
      /** A 2-year yield move (basis points) against small caps' move that a headline gives as the cause. */
      headlineCauseBp: z.number().positive().default(10),
      /** A "best week/month since" is printed only when that date is at least this many days back. */
      superlativeMinDays: strict
        .object({
          week: z.number().int().positive().default(28),
          month: z.number().int().positive().default(92),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Fact thresholds (src/stats/superlatives.ts, src/stats/lead-since.ts); see README, "Facts". */
  facts: strict
    .object({
      /**
       * How far back a "best since" must reach to be flagged `….notable`, per kind of period;
       * at least 2, so "since the period just before" is never notable.
       */
      superlativeMinPeriods: strict
        .object({
          day: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.day),
          week: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.week),
          month: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.month),
          window5: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.window5),
          window21: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.window21),
          close: z.number().int().min(2).default(DEFAULT_SUPERLATIVE_MIN_PERIODS.close),
        })
        .prefault({}),
      /** The year-to-date race (`S.vs.B.ytd_race.*`), in fractions (0.01 = 1 percentage point). */
      ytdRace: strict
        .object({
          /** Behind by at most this, after closing in over 21 sessions: nearly caught up. */
          nearlyCaughtUp: z.number().positive().default(DEFAULT_YTD_RACE.nearlyCaughtUp),
          /** A gap that grew (shrank) by at least this over 5 sessions is widening (narrowing). */
          gapMove: z.number().positive().default(DEFAULT_YTD_RACE.gapMove),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The series whose facts are computed, and the benchmark of the `vs` facts. */
  indexes: z.array(z.string()).default(['RUT', 'SPX', 'NDX', 'RUJ', 'RUO', 'IWM']),
  benchmark: z.string().default('SPX'),
  /** Extra aliases per key (`{ RUT: ['R2K'] }`) and extra series. */
  aliases: z.record(z.string(), z.array(z.string())).default({}),
  symbols: z.array(symbolSchema).default([]),
  /** Live fetching (`wirecopy fetch`, `run`); base URLs also from env WIRECOPY_{YAHOO,FRED,FRED_API,STOOQ}_URL. */
  fetch: strict
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
      urls: strict
        .object({
          yahoo: webAddress('https://query2.finance.yahoo.com').optional(),
          fredGraph: webAddress('https://fred.stlouisfed.org').optional(),
          fredApi: webAddress('https://api.stlouisfed.org').optional(),
          stooq: webAddress('https://stooq.com').optional(),
        })
        .prefault({}),
    })
    .prefault({}),
  /** The data-quality gate (`wirecopy verify`, and before every draft). */
  verify: strict
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
  keys: strict
    .object({ fred: z.string().min(1).optional(), stooq: z.string().min(1).optional() })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;

export interface ConfigOverrides {
  config?: string;
  store?: string;
  content?: string;
}

export function loadConfig(
  flags: ConfigOverrides = {},
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): Config {
  const explicit = flags.config ?? env['WIRECOPY_CONFIG'];
  const path = explicit ? resolve(cwd, explicit) : discoverConfigFile(cwd);
  const file = path ? readConfigFile(path, explicit !== undefined) : undefined;
  if (file) assertNoSecrets(file);
  const fromFile = file ? withProjectPaths(file) : {};
  const merged = {
    ...fromFile,
    ...fromEnvironment(fromFile, env),
    ...(env['WIRECOPY_STORE'] ? { store: env['WIRECOPY_STORE'] } : {}),
    ...(env['WIRECOPY_CONTENT'] ? { content: env['WIRECOPY_CONTENT'] } : {}),
    ...(flags.store ? { store: flags.store } : {}),
    ...(flags.content ? { content: flags.content } : {}),
  };
  const parsed = configSchema.safeParse(merged);
  if (!parsed.success) throw configError(parsed.error.issues, file);
  return parsed.data;
}

/**
 * The file's fields with its relative paths (store, content, templates) resolved against the
 * file's folder, the project folder, and the default store and content there too: run from
 * `content/drafts/`, wirecopy still reads the project's store. Environment and flags stay
 * relative to the working folder, as a shell user means them.
 */
function withProjectPaths(file: ConfigFile): Record<string, unknown> {
  const project = dirname(file.path);
  const inProject = (value: unknown) =>
    typeof value === 'string' && value !== '' && !isAbsolute(value) ? resolve(project, value) : value;
  return {
    ...file.data,
    store: inProject(file.data['store'] ?? DEFAULT_STORE),
    content: inProject(file.data['content'] ?? DEFAULT_CONTENT),
    ...('templates' in file.data ? { templates: inProject(file.data['templates']) } : {}),
  };
}

/** One error for every bad field, each with its place; an unknown field gets its own catalogue entry. */
function configError(issues: readonly z.core.$ZodIssue[], file: ConfigFile | undefined): WirecopyError {
  const place = (field: readonly PropertyKey[]) => {
    const where = file?.locate(field);
    return where && where !== file?.path ? ` (${where})` : '';
  };
  const line = (field: readonly PropertyKey[], message: string) =>
    `${field.map(String).join('.') || '(top level)'}: ${message}${place(field)}`;
  const details = issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys') return [line(issue.path, issue.message)];
    const messages = issue.message.split('\n'); // one per key: see strictFields
    return issue.keys.map((key, i) => line([...issue.path, key], messages[i] ?? issue.message));
  });
  const unknownOnly = issues.every((issue) => issue.code === 'unrecognized_keys');
  return new WirecopyError(
    unknownOnly ? Errors.ConfigUnknownField : Errors.ConfigInvalid,
    `The configuration${file ? ` in ${file.path}` : ''} is not valid.`,
    {
      details,
      hint: unknownOnly
        ? 'Rename or remove each field listed above: an unknown field would be ignored and its default kept. README.md, "Configuration", lists every field.'
        : 'Fix the fields listed above; README.md, "Configuration", lists every field and its default.',
    },
  );
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
