/**
 * What every command gets: the merged configuration, the symbol registry, the store (opened on
 * first use), the content folders, today's date, and where to print. Tests build one with their
 * own folder, environment and output.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newYorkDate } from '../calendar/dates.ts';
import { type Config, loadConfig, symbolRegistry } from '../config.ts';
import { Errors, WirecopyError } from '../errors.ts';
import { DEFAULT_LOCK_WAIT_MS, type DeskLock, takeDeskLock } from '../locks/desk-locks.ts';
import type { HeldLock } from '../locks/lock-file.ts';
import { MarketStore } from '../store/market-store.ts';
import type { SymbolRegistry } from '../symbols.ts';
import type { IsoDate } from '../types.ts';

const BUILT_IN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /**
   * Where a verb's `--json` object goes (stdout). With `--json`, the CLI sends `out` (a job's
   * progress and notices) to stderr instead, so stdout is one JSON document a script can parse.
   */
  data?(text: string): void;
}

export interface GlobalFlags {
  store?: string;
  content?: string;
  config?: string;
}

export interface CliEnvironment {
  cwd: string;
  env: NodeJS.ProcessEnv;
  io: Output;
  /** Now, for the session clock; tests pin it. */
  now: () => Date;
}

export class CommandContext {
  readonly config: Config;
  readonly registry: SymbolRegistry;
  readonly io: Output;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly clock: () => Date;
  private openStore: MarketStore | undefined;
  private readonly locks = new Map<DeskLock, HeldLock>();

  private readonly flags: GlobalFlags;
  private readonly environment: CliEnvironment;

  constructor(flags: GlobalFlags, environment: CliEnvironment) {
    this.flags = flags;
    this.environment = environment;
    this.cwd = environment.cwd;
    this.env = environment.env;
    this.io = environment.io;
    this.clock = environment.now;
    this.config = loadConfig(flags, environment.env, environment.cwd);
    this.registry = symbolRegistry(this.config);
  }

  get storePath(): string {
    return resolve(this.cwd, this.config.store);
  }

  get contentDir(): string {
    return resolve(this.cwd, this.config.content);
  }

  get templatesDir(): string {
    return this.config.templates ? resolve(this.cwd, this.config.templates) : BUILT_IN_TEMPLATES;
  }

  /** The store for a verb that writes: opened on first use, created when missing. */
  store(): MarketStore {
    this.openStore ??= MarketStore.open(this.storePath, { busyTimeoutMs: this.lockWaitMs });
    return this.openStore;
  }

  /** The store if its file exists: a verb that only reads never creates one. */
  existingStore(): MarketStore | undefined {
    return this.openStore ?? (existsSync(this.storePath) ? this.store() : undefined);
  }

  /**
   * The store for a verb that needs market data (stats, verify): missing or empty is
   * `StoreMissing` (exit 2), saying how to fill it, and no file is created. `purpose` ends the
   * sentence "there is nothing ...": "to verify".
   */
  storeWithData(purpose: string): MarketStore {
    const store = this.existingStore();
    if (store && !store.isEmpty()) return store;
    throw new WirecopyError(
      Errors.StoreMissing,
      store
        ? `The store ${this.storePath} is empty: there is nothing ${purpose}.`
        : `There is no market store at ${this.storePath}: there is nothing ${purpose}.`,
      {
        hint: 'Fill it first: `wirecopy import <file>` (real history, e.g. ../shared/data/market/), `wirecopy fetch` (live providers) or `wirecopy demo` (the generated demo set); or point --store or WIRECOPY_STORE at a filled store.',
      },
    );
  }

  /**
   * How long to wait for another writer (our lock files, and SQLite's own locks) before a clear
   * "busy" error: `WIRECOPY_LOCK_WAIT_MS`, default 5 seconds.
   */
  get lockWaitMs(): number {
    const raw = this.env['WIRECOPY_LOCK_WAIT_MS'];
    if (raw === undefined || raw === '') return DEFAULT_LOCK_WAIT_MS;
    if (!/^\d+$/.test(raw)) {
      throw new WirecopyError(Errors.Usage, `WIRECOPY_LOCK_WAIT_MS=${raw} is not a number of milliseconds.`, {
        hint: 'Set it to a whole number such as 5000, or unset it for the default (5000).',
      });
    }
    return Number(raw);
  }

  /**
   * Takes the store or content lock for the rest of the command (see src/locks/desk-locks.ts);
   * `close` releases it. Taking one already held is a no-op, so a verb made of others (run)
   * takes each once.
   */
  async lock(which: DeskLock, command: string): Promise<void> {
    if (this.locks.has(which)) return;
    const held = await takeDeskLock({
      which,
      target: which === 'store' ? this.storePath : this.contentDir,
      shown: which === 'store' ? this.config.store : this.config.content,
      command,
      waitMs: this.lockWaitMs,
      notice: (line) => this.io.err(line),
    });
    this.locks.set(which, held);
  }

  /** The clock of this run: the real time, or what a test pins. */
  now(): Date {
    return this.clock();
  }

  /** Today's date in New York, or `WIRECOPY_TODAY` (for reproducible runs). */
  today(): IsoDate {
    const pinned = this.env['WIRECOPY_TODAY'];
    if (pinned) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(pinned)) {
        throw new WirecopyError(Errors.Usage, `WIRECOPY_TODAY=${pinned} is not a YYYY-MM-DD date.`, {
          hint: 'Unset it to use the real date.',
        });
      }
      return pinned;
    }
    return newYorkDate(this.clock());
  }

  /**
   * A context of its own for one unit of work in a long-running process (a desk request): the
   * same flags and environment, its own store handle and locks, released by its `close`.
   */
  fork(io: Output = this.io): CommandContext {
    return new CommandContext(this.flags, { ...this.environment, io });
  }

  close(): void {
    try {
      this.openStore?.close();
    } finally {
      for (const held of this.locks.values()) held.release();
      this.locks.clear();
    }
  }
}
