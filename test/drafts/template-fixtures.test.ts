/**
 * Template fixtures: each folder in test/fixtures/templates/ holds `view.json` (a FactSet taken
 * from real or demo data: facts with value, unit and display) and `expected.md` (the draft the
 * story renders from it, byte for byte). A template change shows here as a diff to review.
 * Regenerate the expected files only on purpose: UPDATE_TEMPLATE_FIXTURES=1 npm test.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig, symbolRegistry } from '../../src/config.ts';
import { renderDraft } from '../../src/drafts/generate.ts';
import { chooseStories } from '../../src/drafts/select.ts';
import { storiesFor } from '../../src/drafts/stories/index.ts';
import { TemplateLibrary } from '../../src/drafts/templates.ts';
import type { FactSet } from '../../src/facts/types.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/templates/', import.meta.url));
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));
const UPDATE = process.env['UPDATE_TEMPLATE_FIXTURES'] === '1';
const config = loadConfig({}, {}, FIXTURES);

function factSetOf(view: {
  asOf: string;
  dataset: string;
  series: FactSet['series'];
  facts: Record<
    string,
    { value: FactSet['facts'][string]['value']; unit: FactSet['facts'][string]['unit']; display: string }
  >;
}): FactSet {
  const facts = Object.fromEntries(
    Object.entries(view.facts).map(([id, f]) => [
      id,
      { id, ...f, asOf: view.asOf, inputs: [], definition: '' },
    ]),
  );
  return { asOf: view.asOf, dataset: view.dataset, series: view.series, facts, missing: [] };
}

describe('template fixtures (view.json → expected.md)', () => {
  const cases = readdirSync(FIXTURES).filter((d) => existsSync(join(FIXTURES, d, 'view.json')));

  it('has a case for every story', () => {
    const stories = new Set(
      cases.map((c) => JSON.parse(readFileSync(join(FIXTURES, c, 'view.json'), 'utf8')).story),
    );
    expect([...stories].sort()).toEqual(
      storiesFor(config.stories, config.signals)
        .map((s) => s.id)
        .sort(),
    );
  });

  it.each(cases)('%s', (name) => {
    const view = JSON.parse(readFileSync(join(FIXTURES, name, 'view.json'), 'utf8'));
    const factSet = factSetOf(view);
    const [choice] = chooseStories(factSet, storiesFor(config.stories, config.signals), config.stories, {
      story: view.story,
    });
    const draft = renderDraft(choice!, factSet, {
      templates: new TemplateLibrary(TEMPLATES),
      registry: symbolRegistry(config),
      publication: config.publication,
      settings: config.stories,
      generatorVersion: 'fixture',
    });
    const expectedPath = join(FIXTURES, name, 'expected.md');
    if (UPDATE) writeFileSync(expectedPath, draft.text);
    expect(
      existsSync(expectedPath),
      `${expectedPath} is missing: run UPDATE_TEMPLATE_FIXTURES=1 npm test`,
    ).toBe(true);
    expect(draft.text).toBe(readFileSync(expectedPath, 'utf8'));
  });
});
