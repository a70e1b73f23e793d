import { describe, expect, it } from 'vitest';
import { PATTERN_FACTS, RELATIVE_FACTS, SERIES_FACTS } from '../../src/facts/catalogue.ts';
import { methodologySections } from '../../src/site/methodology.ts';

const sections = methodologySections();
const ids = sections.flatMap((s) => s.rows.map((r) => r.id));

describe('the methodology page', () => {
  it('defines every statistic of the catalogue', () => {
    for (const id of Object.keys(SERIES_FACTS)) expect(ids).toContain(`S.${id}`);
    for (const id of Object.keys(RELATIVE_FACTS)) expect(ids).toContain(`S.vs.B.${id}`);
    for (const id of Object.keys(PATTERN_FACTS)) {
      expect(ids.some((i) => i === `S.pattern.<signal>.${id}` || i === `S.pattern.<signal>.hH.${id}`)).toBe(
        true,
      );
    }
    expect(ids).toContain('DGS2.level');
    expect(ids).toContain('FED.cut_probability.next');
  });

  it('lists each id once, with a unit and a definition in words', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const row of sections.flatMap((s) => s.rows)) {
      expect(row.unit).not.toBe('');
      expect(row.definition).not.toMatch(/\{[SB]\}/);
      expect(row.definition).toMatch(/^[A-Zi0-9]/);
    }
  });

  it('reads the series placeholders as words', () => {
    const streak = sections[1]!.rows.find((r) => r.id === 'S.vs.B.outperform_streak')!;
    expect(streak.definition).toContain("the index's daily return beat the benchmark's");
    const valueVsGrowth = sections[3]!.rows.find((r) => r.id === 'RUJ.vs.RUO.spread.ytd')!;
    expect(valueVsGrowth.definition).toBe(
      "Russell 2000 Value's year-to-date return minus Russell 2000 Growth's.",
    );
  });
});
