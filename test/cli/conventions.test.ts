/**
 * Issue 14, item 4: the command-line conventions users expect of a Unix tool: --version, NO_COLOR,
 * config found upward from the working folder, read-only verbs that never create a store.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, workspace } from '../support/cli.ts';

const packageVersion = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

describe('--version', () => {
  it.each([['--version'], ['-V']])('%s prints the version in package.json and exits 0', async (flag) => {
    const result = await workspace().run([flag]);
    expect(result).toMatchObject({ code: 0, stdout: packageVersion });
  });
});
