import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.ts';

describe('wirecopy social', () => {
  it("prints each network's post as it goes out, LinkedIn escaped for its API", async () => {
    const ws = workspace('2026-11-21');
    expect((await ws.run(['run'])).code).toBe(0);
    const [file] = readdirSync(join(ws.dir, 'content', 'drafts'));
    const result = await ws.run(['social', join('content', 'drafts', file!)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^== X \(\d+ of 280 weighted characters\)$/m);
    expect(result.stdout).toContain('$IWM https://www.example.com/articles/');
    // The link's underscores are reserved in LinkedIn's "little" format: escaped, they survive.
    expect(result.stdout).toContain('utm\\_source=linkedin&utm\\_medium=social');
    expect(result.stdout).toContain('== Facebook');
    const only = await ws.run(['social', join('content', 'drafts', file!), '--network', 'facebook']);
    expect(only.stdout).not.toContain('== X');
  });

  it('refuses an unknown network with the ones it knows', async () => {
    const result = await workspace().run(['social', 'x.md', '--network', 'myspace']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Use one of x, linkedin, facebook.');
  });
});
