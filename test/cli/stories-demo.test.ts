/**
 * Every story on the demo dataset: for each, the latest demo session where it applies (found
 * with the same builder and conditions drafting uses), drafted through the CLI, labeled demo,
 * and passing the review checks as generated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { unmetRequirements } from '../../src/drafts/select.ts';
import { storiesFor } from '../../src/drafts/stories/index.ts';
import { FactSetBuilder } from '../../src/facts/build.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { type Workspace, workspace } from '../support/cli.ts';

const config = loadConfig({}, {}, '/');
const stories = storiesFor(config.stories, config.signals);

describe('every story on the demo dataset', () => {
  let ws: Workspace;
  const sessionFor = new Map<string, string>();

  beforeAll(async () => {
    ws = workspace('2026-11-21');
    expect((await ws.run(['demo'])).code).toBe(0);
    const store = MarketStore.open(join(ws.dir, 'market.db'));
    try {
      // Newest first over the whole demo history; the search stops once every story has a session.
      const recent = sessionsBetween('1991-01-02', '2026-11-20');
      const builder = new FactSetBuilder(store, {
        indexes: config.indexes,
        benchmark: config.benchmark,
        registry: symbolRegistry(config),
        signals: config.signals,
        through: recent.at(-1)!,
      });
      for (const asOf of recent.reverse()) {
        const factSet = builder.at(asOf);
        for (const story of stories) {
          if (sessionFor.has(story.id) || unmetRequirements(story, factSet).length > 0) continue;
          if (story.applies(factSet, config.stories)) sessionFor.set(story.id, asOf);
        }
        if (sessionFor.size === stories.length) break;
      }
    } finally {
      store.close();
    }
  });

  it.each(stories.map((s) => s.id))('%s', async (story) => {
    const asOf = sessionFor.get(story);
    expect(asOf, `no demo session where ${story} applies`).toBeDefined();
    const result = await ws.run(['draft', '--as-of', asOf!, '--story', story]);
    expect(result.code, result.stderr).toBe(0);
    const path = join(ws.dir, 'content', 'drafts', `${asOf}-${story}.md`);
    const { data, content } = matter(readFileSync(path, 'utf8'));
    expect(data['dataset']).toBe('demo');
    expect(data['angles'].why).not.toBe('Forced with --story.');
    expect(content).toContain('**Demo data.**');
    const check = await ws.run(['check', '--max-age', '100000', path]);
    expect(check.stdout).toContain('1 file checked: 0 errors');
    // The generator never writes a sentence its own claim check would flag, warnings included.
    expect(check.stdout).not.toMatch(/wirecopy:claim-/);
  });
});
