/**
 * The content model has one home (issue 15): the front-matter schema, the chart snapshot, the
 * draft file, the newsletter front matter and the article id live in src/content/, and the code
 * that drafts, reviews, schedules, mails and edits pieces reads them from there, never from
 * src/site/. The only crossings into src/site/ left are true site rendering, each listed below
 * with its reason; a new one fails here until it is either moved into src/content/ or listed.
 *
 * Imports are read with TypeScript's own pre-processor (`ts.preProcessFile`), which sees static,
 * type-only, re-exported and dynamic imports alike, not with a regex.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../..');
const SRC = join(REPO, 'src');

/** The folders whose code uses the model and must not reach into the site for it. */
const MODEL_USERS = ['drafts', 'review', 'jobs', 'newsletter', 'desk', 'cli'];

/** Every import of src/site/ allowed from MODEL_USERS: `importer -> imported`, with why it is rendering. */
const SITE_RENDERING: Record<string, string> = {
  // Approval renders the article's share card (satori + resvg) so a site build never has to.
  'src/jobs/approve.ts -> src/site/og-file.ts': 'renders the OG card PNG at approval',
  // `wirecopy preview` runs the Astro site itself.
  'src/cli/preview.ts -> src/site/astro-run.ts': 'starts Astro',
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** `src/x/y.ts -> src/site/z.ts` for each relative import of `file` resolving under `folder`. */
function importsInto(file: string, folder: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  const from = relative(REPO, file);
  return importedFiles
    .filter((ref) => ref.fileName.startsWith('.'))
    .map((ref) => relative(REPO, resolve(dirname(file), ref.fileName)))
    .filter((target) => target.startsWith(`${folder}/`))
    .map((target) => `${from} -> ${target}`);
}

describe('the content model has one home', () => {
  const crossings = MODEL_USERS.flatMap((dir) => tsFiles(join(SRC, dir))).flatMap((f) =>
    importsInto(f, 'src/site'),
  );

  it('drafts, review, jobs, newsletter, desk and cli import src/site/ only for site rendering', () => {
    const unlisted = crossings.filter((c) => !(c in SITE_RENDERING));
    // Each line names the importer and the site module: move what it needs into src/content/.
    expect(unlisted).toEqual([]);
  });

  it('lists no allowed crossing that no longer exists (the list stays the true picture)', () => {
    expect(Object.keys(SITE_RENDERING).filter((c) => !crossings.includes(c))).toEqual([]);
  });

  it('src/content/ depends on no layer above it', () => {
    const upward = ['site', 'drafts', 'review', 'jobs', 'newsletter', 'desk', 'cli'].flatMap((folder) =>
      tsFiles(join(SRC, 'content')).flatMap((f) => importsInto(f, `src/${folder}`)),
    );
    expect(upward).toEqual([]);
  });

  it('reads type-only and dynamic imports too (the audit can fail)', () => {
    // A hand-made importer: both lines reach src/site/ and both must be seen.
    const text = "import type { X } from '../site/a.ts';\nconst m = await import('../site/b.ts');\n";
    const { importedFiles } = ts.preProcessFile(text, true, true);
    expect(importedFiles.map((f) => f.fileName)).toEqual(['../site/a.ts', '../site/b.ts']);
  });
});
