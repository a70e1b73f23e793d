/**
 * The referrer as the templates use it: markers left by `{{#ref}}` / `{{#Ref}}` / `{{its}}`
 * become words over the finished text. Expected sentences written by hand from the rotation in
 * RUSSELL_2000_REFERENCES (name, then "the index", "small caps", "the small-cap benchmark").
 */
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { referenceView, resolveReferences } from '../../../src/drafts/style/referring.ts';

const render = (template: string) => Mustache.render(template, referenceView);

describe('referring expressions in a rendered piece', () => {
  it('agrees the verb, the possessive and the pronoun with the mention', () => {
    const text = render(
      "{{#Ref}}rose{{/Ref}} 1%. {{#Ref}}is|are{{/Ref}} up 5% for the week. {{#Ref}}has|have{{/Ref}} gained, and {{its}} close is high. {{#Ref}}'s{{/Ref}} run goes on.",
    );
    expect(resolveReferences(text)).toBe(
      "The Russell 2000 rose 1%. The index is up 5% for the week. Small caps have gained, and their close is high. The small-cap benchmark's run goes on.",
    );
  });

  it('names the index again after another one, and gives the same words every time', () => {
    const text = render(
      '{{#Ref}}rose{{/Ref}}. {{#Ref}}rose{{/Ref}}. The S&P 500 fell. {{#Ref}}is|are{{/Ref}} ahead. The Russell 2000 Value index fell. {{#Ref}}is|are{{/Ref}} ahead.',
    );
    const once = resolveReferences(text);
    // After a large-cap index: not "the index" (the last mention, "the index", was not the name, so the name).
    expect(once).toBe(
      'The Russell 2000 rose. The index rose. The S&P 500 fell. The Russell 2000 is ahead. The Russell 2000 Value index fell. The Russell 2000 is ahead.',
    );
    expect(resolveReferences(text)).toBe(once);
  });

  it('after the name and a large-cap index, a small-cap word, never "the index"', () => {
    const text = render('{{#Ref}}has|have{{/Ref}} beaten the S&P 500. {{#Ref}}has|have{{/Ref}} risen.');
    expect(resolveReferences(text)).toBe('The Russell 2000 has beaten the S&P 500. Small caps have risen.');
  });

  it('keeps the name in texts read on their own', () => {
    const text = render('{{#Ref}}rose{{/Ref}}. {{#ref}}is|are{{/ref}} up, {{its}} best.');
    expect(resolveReferences(text, { nameOnly: true })).toBe(
      'The Russell 2000 rose. the Russell 2000 is up, its best.',
    );
  });
});
