/**
 * Every environment variable the code reads is documented in README.md, "Configuration": the
 * sources are searched for `env['NAME']`, `env.NAME` and `process.env.NAME`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs|js|astro)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const READS = /\benv(?:\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\]|\.([A-Z][A-Z0-9_]*)\b)/g;
/** Astro's own build flags, read through import.meta.env: not wirecopy's settings. */
const NOT_OURS = new Set(['DEV', 'PROD', 'SSR', 'BASE_URL', 'MODE', 'SITE']);

it('every environment variable the code reads is in the README Configuration section', () => {
  const files = [
    ...sourceFiles('src'),
    ...sourceFiles('site'),
    ...sourceFiles('bin'),
    join(REPO_ROOT, 'astro.config.mjs'),
  ];
  const read = new Set<string>();
  for (const file of files)
    for (const match of readFileSync(file, 'utf8').matchAll(READS)) read.add((match[1] ?? match[2])!);
  const names = [...read].filter((name) => !NOT_OURS.has(name)).sort();
  // The search itself must find what is known to be read, or it proves nothing.
  expect(names).toEqual(expect.arrayContaining(['WIRECOPY_STORE', 'FRED_API_KEY', 'NO_COLOR', 'CI']));
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const configuration = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
  );
  expect(names.filter((name) => !configuration.includes(`\`${name}`))).toEqual([]);
});
