/**
 * One loader for the configuration, in a documented order: built-in defaults < the config file
 * (`wirecopy.config.json|yaml`, or `--config`) < environment (`WIRECOPY_*`) < command-line flags.
 * The merged result is validated once; a bad value is an error that names the file and the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Errors, WirecopyError } from './errors.ts';
import { DEFAULT_SIGNALS, signalConfigSchema } from './stats/events.ts';
import { DEFAULT_SYMBOLS, SymbolRegistry, type SymbolSpec } from './symbols.ts';

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
      siteUrl: z.url().default('https://wirecopy.example'),
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
  /** When each story applies; see src/drafts/stories/story.ts. */
  stories: z
    .object({
      rallyMargin: z.number().positive().default(0.02),
      longDrought: z.number().int().positive().default(60),
      cutOddsMove: z.number().positive().default(0.1),
      twoYearMove: z.number().positive().default(0.15),
      pattern: z.string().default('three-day-surge'),
    })
    .prefault({}),
  /** The series whose facts are computed, and the benchmark of the `vs` facts. */
  indexes: z.array(z.string()).default(['RUT', 'SPX', 'NDX', 'RUJ', 'RUO', 'IWM']),
  benchmark: z.string().default('SPX'),
  /** Extra aliases per key (`{ RUT: ['R2K'] }`) and extra series. */
  aliases: z.record(z.string(), z.array(z.string())).default({}),
  symbols: z.array(symbolSchema).default([]),
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
  const merged = {
    ...(fromFile !== null && typeof fromFile === 'object' ? fromFile : { invalid: fromFile }),
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
    return file.endsWith('.json') ? JSON.parse(text) : (parseYaml(text) ?? {});
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
