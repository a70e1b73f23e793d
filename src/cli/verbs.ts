/**
 * The verbs of the command line, each with the one line `wirecopy --help` shows and how to
 * load it. A verb's module (and everything it imports: the Yahoo client, the site build, the
 * mailer...) loads only when that verb runs, so `wirecopy --help` or `wirecopy stats` does not
 * pay for the other sixteen. The summaries repeat each verb's own description; a test keeps
 * them equal.
 */
import type { Command } from 'commander';
import type { CommandContext } from './context.ts';

export type MakeCommand = (context: () => CommandContext) => Command;

export interface Verb {
  name: string;
  summary: string;
  load: () => Promise<MakeCommand>;
}

/** In the order `wirecopy --help` lists them. */
export const VERBS: readonly Verb[] = [
  {
    name: 'run',
    summary:
      'the daily job: fetch what is new, check it, write the drafts for the latest session (demo data when the store is empty and offline)',
    load: async () => (await import('./run.ts')).runCommand,
  },
  {
    name: 'fetch',
    summary: 'bring the store up to date from Yahoo Finance, FRED (and Stooq with a key), incrementally',
    load: async () => (await import('./fetch.ts')).fetchCommand,
  },
  {
    name: 'verify',
    summary:
      'check the stored data: sources against each other, gaps in the NYSE calendar, stale series, implausible one-day moves',
    load: async () => (await import('./verify.ts')).verifyCommand,
  },
  {
    name: 'demo',
    summary: 'fill the store with the built-in demo dataset (generated, labeled dataset: demo)',
    load: async () => (await import('./demo.ts')).demoCommand,
  },
  {
    name: 'import',
    summary: 'import CSV files (Yahoo, IBKR, Stooq, FRED, wide tables) into the store',
    load: async () => (await import('./import.ts')).importCommand,
  },
  {
    name: 'stats',
    summary: 'print the facts for the last session on or before a date',
    load: async () => (await import('./stats.ts')).statsCommand,
  },
  {
    name: 'draft',
    summary: "write the session's draft into content/drafts/: the most newsworthy story, or --story / --all",
    load: async () => (await import('./draft.ts')).draftCommand,
  },
  {
    name: 'status',
    summary: 'show what is in the store and in content/',
    load: async () => (await import('./status.ts')).statusCommand,
  },
  {
    name: 'templates',
    summary: 'work with the mustache templates',
    load: async () => (await import('./templates.ts')).templatesCommand,
  },
  {
    name: 'style',
    summary:
      'the style gate: draft every story of every session of a span in memory and count house-style violations (exit 1 when any)',
    load: async () => (await import('./style.ts')).styleCommand,
  },
  {
    name: 'check',
    summary:
      'run the review checks on drafts: numbers vs facts, freshness, front matter, disclaimer, links, social, style',
    load: async () => (await import('./check.ts')).checkCommand,
  },
  {
    name: 'approve',
    summary: 'check a draft and publish it into content/articles/ as status: published',
    load: async () => (await import('./approve.ts')).approveCommand,
  },
  {
    name: 'reject',
    summary: 'mark a draft rejected (status: rejected, review: by, at, reason); it stays in content/drafts/',
    load: async () => (await import('./reject.ts')).rejectCommand,
  },
  {
    name: 'diff',
    summary: 'show what was changed in a draft since it was generated, sentence by sentence',
    load: async () => (await import('./diff.ts')).diffCommand,
  },
  {
    name: 'social',
    summary: "print a piece's social digests as each network takes them (LinkedIn escaped for its API)",
    load: async () => (await import('./social.ts')).socialCommand,
  },
  {
    name: 'newsletter',
    summary:
      "export the published articles of a week as an email (email.html, email.txt), issue.md and meta.json, plus the site's archive page content/newsletters/<issue-id>.md",
    load: async () => (await import('./newsletter.ts')).newsletterCommand,
  },
  {
    name: 'preview',
    summary:
      'serve the site with drafts included: checks and fact-linked numbers shown on each draft (Astro dev server; reload after an edit)',
    load: async () => (await import('./preview.ts')).previewCommand,
  },
  {
    name: 'desk',
    summary:
      "the editors' desk in the browser: today's drafts, the editor with the live check, facts panel, diff, approve/reject, the page as readers see it",
    load: async () => (await import('./desk.ts')).deskCommand,
  },
  {
    name: 'completion',
    summary: 'print a shell completion script: eval "$(wirecopy completion bash)" (or zsh)',
    load: async () => (await import('./completion.ts')).completionCommand,
  },
];

/** The global options that take a value, so the verb is not mistaken for one. */
const GLOBAL_VALUE_OPTIONS = new Set(['--store', '--content', '--config']);

/**
 * The verb `argv` names, if any: the first word that is not a global option (or its value).
 * `wirecopy help stats` names `stats`. Unknown words are left for commander to refuse.
 */
export function verbNamed(argv: readonly string[]): Verb | undefined {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') return undefined;
    if (GLOBAL_VALUE_OPTIONS.has(word)) {
      i++;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (word === 'help') return verbNamed(argv.slice(i + 1));
    return VERBS.find((v) => v.name === word);
  }
  return undefined;
}
