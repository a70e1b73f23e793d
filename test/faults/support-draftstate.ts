/**
 * Shared by the draft-state and embargo fault cases: workspaces whose store already holds the
 * demo dataset (generated once per test file, then copied), so each case starts from the same
 * store in a few milliseconds.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Workspace, workspace } from '../support/cli.ts';

/** "Today" for every case: a Saturday, so the latest session is Friday 2026-11-20. */
export const TODAY = '2026-11-21';
export const SESSION = '2026-11-20';

let demoStore: Promise<string> | undefined;

/** A workspace with the demo dataset in its store and no drafts yet. */
export async function demoWorkspace(): Promise<Workspace> {
  demoStore ??= (async () => {
    const seed = workspace(TODAY);
    const result = await seed.run(['demo']);
    if (result.code !== 0) throw new Error(`wirecopy demo failed: ${result.stderr}`);
    return join(seed.dir, 'market.db');
  })();
  const source = await demoStore;
  const ws = workspace(TODAY);
  copyFileSync(source, join(ws.dir, 'market.db'));
  return ws;
}

export function writeNotes(ws: Workspace, lines: readonly string[]): void {
  mkdirSync(join(ws.dir, 'content', 'inputs'), { recursive: true });
  writeFileSync(join(ws.dir, 'content', 'inputs', 'notes.yaml'), `${lines.join('\n')}\n`);
}

/** The files in a content folder (`drafts`, `articles`), sorted; none when it does not exist. */
export function filesIn(ws: Workspace, folder: string): string[] {
  const dir = join(ws.dir, 'content', folder);
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}
