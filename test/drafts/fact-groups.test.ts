/**
 * A draft builds only the fact groups its stories read (issue 14), and prints exactly what it
 * printed from every fact: on real sessions of 2025 (the April sell-off and rebound, whose
 * three-day surges make pattern studies; the first record close in 967 sessions on Sept. 18;
 * the Fed cuts of Sept. 17 and Oct. 29), every story that applies is drafted from all the facts,
 * from the groups of all stories (the day's choice), and from its own groups alone (`--story`);
 * the texts must be byte-identical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionsBetween } from '../../src/calendar/nyse.ts';
import { loadConfig } from '../../src/config.ts';
import { type DraftContext, renderDraft } from '../../src/drafts/generate.ts';
import { chooseStories } from '../../src/drafts/select.ts';
import { factGroupsFor, storiesFor } from '../../src/drafts/stories/index.ts';
import { TemplateLibrary } from '../../src/drafts/templates.ts';
import { FactSetBuilder, type FactSetOptions } from '../../src/facts/build.ts';
import { allGroups } from '../../src/facts/groups.ts';
import type { FactSet } from '../../src/facts/types.ts';
import type { MarketStore } from '../../src/store/market-store.ts';
import { goldenStore } from '../facts/golden-facts.ts';
import { HAS_MARKET_DATA } from '../support/cli.ts';

const config = loadConfig({}, {}, import.meta.dirname);
const stories = storiesFor(config.stories, config.signals);
const SESSIONS = [
  ...sessionsBetween('2025-04-01', '2025-04-30'),
  ...sessionsBetween('2025-09-10', '2025-10-31'),
];

describe.skipIf(!HAS_MARKET_DATA)('drafts from the fact groups their stories need', () => {
  let store: MarketStore;
  let options: Omit<FactSetOptions, 'asOf'>;
  let context: DraftContext;
  const builder = (groups?: readonly string[]) =>
    new FactSetBuilder(store, { ...options, through: SESSIONS.at(-1)!, ...(groups ? { groups } : {}) });
  const draftsOf = (factSet: FactSet, mode: { all?: boolean; story?: string }) =>
    chooseStories(factSet, stories, config.stories, mode).map((choice) => ({
      story: choice.story.id,
      text: renderDraft(choice, factSet, context).text,
    }));

  beforeAll(() => {
    ({ store, options } = goldenStore());
    context = {
      templates: new TemplateLibrary(`${import.meta.dirname}/../../templates/`),
      registry: options.registry,
      publication: config.publication,
      settings: config.stories,
      generatorVersion: 'test',
    };
  });
  afterAll(() => store.close());

  it('one story builds fewer groups than every story, and every story fewer than stats', () => {
    const every = allGroups(config.indexes);
    const all = factGroupsFor(stories, config.indexes);
    const daily = factGroupsFor(
      stories.filter((s) => s.id === 'daily-wrap'),
      config.indexes,
    );
    expect(daily.length).toBeLessThan(all.length);
    expect(all.length).toBeLessThan(every.length);
    // Only the pattern study reads an event study, and only the Russell 2000's.
    expect(daily).not.toContain('RUT.patterns');
    expect(all.filter((g) => g.endsWith('.patterns'))).toEqual(['RUT.patterns']);
    const f = builder(daily).at('2025-09-18');
    expect(Object.keys(f.facts).some((id) => id.includes('.pattern.'))).toBe(false);
    expect(Object.keys(f.facts).length).toBeLessThan(Object.keys(builder().at('2025-09-18').facts).length);
  });

  it(`${SESSIONS.length} sessions: every applicable story prints the same from its groups as from every fact`, () => {
    const full = builder();
    const chosen = builder(factGroupsFor(stories, config.indexes));
    const own = new Map(stories.map((s) => [s.id, builder(factGroupsFor([s], config.indexes))] as const));
    const storiesDrafted = new Set<string>();
    for (const asOf of SESSIONS) {
      const expected = draftsOf(full.at(asOf), { all: true });
      expect(draftsOf(chosen.at(asOf), { all: true }), asOf).toEqual(expected);
      // The day's piece, chosen among every story, is the same one.
      expect(draftsOf(chosen.at(asOf), {}), asOf).toEqual(draftsOf(full.at(asOf), {}));
      for (const { story, text } of expected) {
        storiesDrafted.add(story);
        expect(draftsOf(own.get(story)!.at(asOf), { story })[0]!.text, `${asOf} ${story}`).toBe(text);
      }
    }
    // Every story was put to the test at least once.
    expect([...storiesDrafted].sort()).toEqual(stories.map((s) => s.id).sort());
  }, 120_000);
});
