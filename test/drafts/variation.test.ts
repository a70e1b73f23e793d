import { describe, expect, it } from 'vitest';
import { renderStrict } from '../../src/drafts/strict-template.ts';
import { createVariation, hash32 } from '../../src/drafts/variation.ts';

const template = (text: string) => ({ file: 'templates/articles/t.mustache', text });

describe('variation', () => {
  it('FNV-1a matches its published test vectors', () => {
    // From the FNV reference (isthe.com/chongo/tech/comp/fnv): FNV-1a 32-bit of "" and "a".
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
  });

  it('picks the same phrasing for the same piece, and the choice depends on the piece', () => {
    const text = '{{#vary}}rose||climbed||advanced||gained{{/vary}}';
    const render = (seed: string) => renderStrict(template(text), { vary: createVariation(seed).vary });
    expect(render('2025-09-18|daily-wrap')).toBe(render('2025-09-18|daily-wrap'));
    const choices = new Set(
      ['2025-09-15', '2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-09-22'].map((d) =>
        render(`${d}|daily-wrap`),
      ),
    );
    expect(choices.size).toBeGreaterThan(1);
    // Which phrasing a seed gets is fixed by FNV-1a: hash32('2025-09-18|daily-wrap#0') % 4.
    const expected = ['rose', 'climbed', 'advanced', 'gained'][hash32('2025-09-18|daily-wrap#0') % 4];
    expect(render('2025-09-18|daily-wrap')).toBe(expected);
  });

  it('never repeats a phrasing within one piece', () => {
    const sentence = '{{#vary}}Meanwhile||Elsewhere||At the same time{{/vary}}';
    for (const day of ['01', '02', '03', '06', '07', '08', '09', '10']) {
      const { vary, chosen } = createVariation(`2025-10-${day}|daily-wrap`);
      const text = renderStrict(template(`${sentence}. ${sentence}. ${sentence}.`), { vary });
      expect(new Set(chosen).size, text).toBe(3);
    }
  });

  it('renders names inside the chosen phrasing, and the strict check covers every alternative', () => {
    const { vary } = createVariation('seed');
    expect(renderStrict(template('{{#vary}}up {{x}}||higher by {{x}}{{/vary}}'), { vary, x: '2%' })).toMatch(
      /2%$/,
    );
    expect(() =>
      renderStrict(template('{{#vary}}up {{x}}||higher by {{y}}{{/vary}}'), { vary, x: '2%' }),
    ).toThrow(/cannot render/);
  });
});
