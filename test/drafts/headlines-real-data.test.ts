/**
 * Headlines on real history (issue 11, item 6): RUT.csv, GSPC.csv and FRED_rates.csv imported as
 * the desk imports them. Each case names the facts the headline rests on, read off the files:
 * the closes give the day's and the five sessions' moves, FRED's DFEDTARU the Fed's cuts
 * (decided 2025-09-17 and 2025-10-29), DGS2 the 2-year yield.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { renderDraft } from '../../src/drafts/generate.ts';
import { angleOf, chooseStories, mostNewsworthy } from '../../src/drafts/select.ts';
import { storiesFor } from '../../src/drafts/stories/index.ts';
import { gainOnDownDay, onlySmallMoves } from '../../src/drafts/style/gate.ts';
import { proseOf, repeatedNumbers } from '../../src/drafts/style/repetition.ts';
import { TemplateLibrary } from '../../src/drafts/templates.ts';
import { buildFactSet } from '../../src/facts/build.ts';
import type { FactSet } from '../../src/facts/types.ts';
import { importCsvFile } from '../../src/fetchers/csv-import.ts';
import { MarketStore } from '../../src/store/market-store.ts';
import { HAS_MARKET_DATA, MARKET_DATA } from '../support/cli.ts';

const config = loadConfig({}, {}, tmpdir());
const registry = symbolRegistry(config);
const stories = storiesFor(config.stories, config.signals);

describe.skipIf(!HAS_MARKET_DATA)('headlines on real history', () => {
  let store: MarketStore;
  const factsOn = (asOf: string): FactSet =>
    buildFactSet(store, { asOf, indexes: ['RUT', 'SPX'], benchmark: 'SPX', registry });
  const headlineOf = (story: string, asOf: string) =>
    angleOf(stories.find((s) => s.id === story)!, factsOn(asOf), config.stories).headline;
  beforeAll(() => {
    store = MarketStore.open(join(mkdtempSync(join(tmpdir(), 'wirecopy-headlines-')), 'market.db'));
    for (const file of ['RUT.csv', 'GSPC.csv', 'FRED_rates.csv'])
      importCsvFile(join(MARKET_DATA, file), store, registry);
  });
  afterAll(() => store.close());

  it('a down day inside a five-session gain says both (2025-09-19: -0.8% on the day, +2.2% over five sessions)', () => {
    const f = factsOn('2025-09-19');
    expect(f.facts['RUT.change.1d']?.display).toBe('-0.8%');
    expect(f.facts['RUT.return.5d']?.display).toBe('2.2%');
    const headline = headlineOf('daily-wrap', '2025-09-19');
    expect(headline).toBe('Small caps fall 0.8% but hold a 2.2% five-session gain');
    expect(gainOnDownDay(headline, -0.008)).toBe(false);
    // What the headline said before: a gain only, on a down day.
    expect(gainOnDownDay('Small caps rise 2.2% in five sessions, outpacing the S&P 500', -0.008)).toBe(true);
  });

  // Weekly moves from RUT.csv, each week's last close over the one before: the week ending
  // 2024-11-08 rose 8.57% (2,399.64 over 2,210.13), and the last bigger week ended 2020-04-09
  // (+18.5%); the week ending 2024-07-12 rose 6.00%, the last bigger one ended 2023-11-03
  // (+7.6%). The days: +0.71% on 2024-11-08, +1.09% on 2024-07-12.
  it("leads with the week's superlative on its last session, in the daily wrap and the recap", () => {
    const f = factsOn('2024-11-08');
    expect(f.facts['RUT.return.week']?.display).toBe('8.6%');
    expect(f.facts['RUT.week.best_since']?.value).toBe('2020-04-09');
    expect(headlineOf('daily-wrap', '2024-11-08')).toBe(
      'Small caps rise 0.7%, capping their best week since April 9, 2020',
    );
    expect(headlineOf('weekly-recap', '2024-11-08')).toBe(
      'Small caps have their best week since April 9, 2020, up 8.6%',
    );
    // Before: the five-session move led (it scores 95; the superlative contains it).
    expect(headlineOf('daily-wrap', '2024-07-12')).toBe(
      'Small caps rise 1.1%, capping their best week since Nov. 3, 2023',
    );
    expect(headlineOf('weekly-recap', '2024-07-12')).toBe(
      'Small caps have their best week since Nov. 3, 2023, up 6.0%',
    );
    // Mid-week the daily wrap keeps its five-session lead: 2024-07-11 is a Thursday.
    expect(headlineOf('daily-wrap', '2024-07-11')).not.toContain('best week');
  });

  it('gives the Fed cut of the week as the cause of the weekly gain (cut decided 2025-09-17)', () => {
    const f = factsOn('2025-09-19');
    expect(f.facts['FED.target.last_change_date']?.value).toBe('2025-09-17');
    expect(f.facts['FED.target.last_change_cut']?.value).toBe(true);
    expect(headlineOf('weekly-recap', '2025-09-19')).toBe(
      "Small caps rise 2.2% on the week after the Fed's Sept. 17 rate cut",
    );
  });

  it('gives the 2-year yield as the cause when it moved against small caps (2024-04-30: -7.1%, +45 bp in April)', () => {
    const f = factsOn('2024-04-30');
    expect(f.facts['RUT.return.mtd']?.display).toBe('-7.1%');
    expect(f.facts['DGS2.change.mtd']?.display).toBe('45');
    expect(headlineOf('monthly-recap', '2024-04-30')).toBe(
      'Small caps lose 7.1% in the month as the 2-year Treasury yield rises 45 basis points',
    );
  });

  // The week ending 2025-11-28 rose 5.52% in RUT.csv; the last bigger week ended 2024-11-08 (+8.57%).
  it('gives no cause the data do not show (2025-11-28: the week up 5.5%, no Fed change that week)', () => {
    expect(headlineOf('weekly-recap', '2025-11-28')).toBe(
      'Small caps have their best week since Nov. 8, 2024, up 5.5%',
    );
  });

  it('a move under stories.headlineMinMove is no lead: the year leads (2024-03-08, the week and the day under 0.5% and 0.25%)', () => {
    const f = factsOn('2024-03-08');
    expect(Math.abs(f.facts['RUT.return.week']!.value as number)).toBeLessThan(0.005);
    expect(f.facts['RUT.return.ytd']?.display).toBe('2.7%');
    expect(headlineOf('weekly-recap', '2024-03-08')).toBe(
      'Small caps end the week little changed, up 2.7% for the year',
    );
    expect(headlineOf('daily-wrap', '2024-03-08')).toBe(
      'Russell 2000 little changed at 2,082.71, up 2.7% for the year',
    );
    const min = config.stories.headlineMinMove;
    const facts = { 'RUT.return.week': { value: 0.002, display: '0.2%' } };
    expect(onlySmallMoves('Russell 2000 ends the week up 0.2%', facts, min)).toBe(true);
    expect(onlySmallMoves('Small caps end the week little changed, up 2.7% for the year', facts, min)).toBe(
      false,
    );
  });

  it('a sentence that gave up its figure is marked unprinted in the plan (2024-12-31: the one-year move is the year-to-date move)', () => {
    const f = factsOn('2024-12-31');
    // On the year's last session the one-year move and the year-to-date move print the same figure.
    expect(f.facts['RUT.return.1y']?.display).toBe(f.facts['RUT.return.ytd']?.display);
    const choice = chooseStories(f, stories, config.stories, { story: 'daily-wrap' })[0]!;
    const draft = renderDraft(choice, f, {
      templates: new TemplateLibrary(fileURLToPath(new URL('../../templates/', import.meta.url))),
      registry,
      publication: config.publication,
      settings: config.stories,
      generatorVersion: 'test',
    });
    const oneYear = draft.frontMatter.plan!.sections['other_side']!.find(
      (item) => item.sentence === 'one_year',
    );
    expect(oneYear?.printed).toBe(false);
    expect(oneYear?.reason).toMatch(/Left out: its figure was printed twice already\.$/);
    expect(draft.body).not.toContain('Over the past year');
    expect(repeatedNumbers(`${draft.frontMatter.title}\n\n${proseOf(draft.body)}`)).toEqual([]);
  });

  it('the record-high piece is not the default again the sessions after the record (set 2025-09-18; the CI style gate counts repeated-lead over the sessions after it)', () => {
    for (const asOf of ['2025-09-19', '2025-09-22', '2025-09-23']) {
      const f = factsOn(asOf);
      const all = chooseStories(f, stories, config.stories, { all: true });
      expect(all.map((c) => c.story.id)).toContain('record-high');
      expect(mostNewsworthy(f, all).story.id).not.toBe('record-high');
    }
    // On the record day itself it leads.
    const f = factsOn('2025-09-18');
    expect(chooseStories(f, stories, config.stories)[0]?.story.id).toBe('record-high');
  });
});
