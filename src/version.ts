/**
 * wirecopy's version, from package.json, recorded in every draft it generates. Read at run time
 * rather than imported, so the built `dist/version.js` finds the same file one folder up as
 * `src/version.ts` does (an import would put package.json outside the build's rootDir).
 */
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const VERSION: string = pkg.version;
