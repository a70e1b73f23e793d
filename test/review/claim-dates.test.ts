/**
 * Dates, years and multiples as claims, and the claim rules on every published field, on the
 * weekly-recap fixture (as of 2025-09-18: its best week since the week ending Aug. 22, the
 * longest drought since April 5, 2004, a 200-day crossing on Aug. 4, up 2.9% on the week).
 * One edit at a time, each caught with its rule at the line and column of the words at fault;
 * the rewordings must pass.
 */
import { describe, expect, it } from 'vitest';
import { fixture, messagesOf } from './support.ts';

const ORIGINAL = fixture('original.md');

function edit(find: string, replace: string): { text: string; at: number } {
  const at = ORIGINAL.indexOf(find);
  expect(at, `"${find}" is in the fixture`).toBeGreaterThanOrEqual(0);
  return { text: ORIGINAL.slice(0, at) + replace + ORIGINAL.slice(at + find.length), at };
}

function placeOf(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

async function errorsOf(text: string) {
  const checked = await messagesOf(text, 'weekly-recap.md');
  return checked.file.messages.filter((m) => m.fatal === true);
}

describe('dates, years and multiples as claims', () => {
  it.each([
    {
      name: 'a wrong date after "best week since"',
      find: 'since the week ending Aug. 22<!--fact:RUT.week.best_since-->',
      replace: 'since the week ending Aug. 15',
      flag: 'Aug. 15',
      rule: 'claim-date',
      says: ['RUT.week.best_since', 'Aug. 22'],
    },
    {
      name: 'another fact\'s date after "best week since" (the 200-day crossing)',
      find: 'since the week ending Aug. 22<!--fact:RUT.week.best_since-->',
      replace: 'since the week ending Aug. 4',
      flag: 'Aug. 4',
      rule: 'claim-date',
      says: ['RUT.week.best_since', 'Aug. 22'],
    },
    {
      name: 'a wrong year after "best week since"',
      find: 'since the week ending Aug. 22<!--fact:RUT.week.best_since-->',
      replace: 'since 2020',
      flag: '2020',
      rule: 'claim-date',
      says: ['RUT.week.best_since', 'Aug. 22'],
    },
    {
      name: 'a wrong year in the drought\'s "since" date',
      find: 'April 5, 2004<!--fact:RUT.record.drought_longest_since-->',
      replace: 'April 5, 2005',
      flag: 'April 5, 2005',
      rule: 'claim-date',
      says: ['RUT.record.drought_longest_since', 'April 5, 2004'],
    },
    {
      name: 'a crossing date a day off',
      find: 'crossed on Aug. 4<!--fact:RUT.sma200.cross_date-->',
      replace: 'crossed on Aug. 5',
      flag: 'Aug. 5',
      rule: 'claim-date',
      says: ['RUT.sma200.cross_date', 'Aug. 4'],
    },
    {
      name: "a year named with no figure that is neither the as-of year nor a date's",
      find: 'The close is a record, the first of the year.',
      replace: 'The close is a record, the first since a run in 2019.',
      flag: 'in 2019',
      rule: 'claim-year',
      says: ['2019', '2025'],
    },
    {
      name: '"has doubled" for a 2.9% week',
      find: 'ended the week up 2.9%<!--fact:RUT.return.week-->',
      replace: 'ended the week having doubled',
      flag: 'doubled',
      rule: 'number-without-fact',
    },
    {
      name: 'a flipped direction in the title',
      find: 'title: Small caps rise 2.9% on the week',
      replace: 'title: Small caps fall 2.9% on the week',
      flag: 'fall',
      rule: 'claim-direction',
    },
    {
      name: 'a flipped direction in the X post',
      find: "x: 'Small caps rise 2.9% on the week.",
      replace: "x: 'Small caps fall 2.9% on the week.",
      flag: 'fall',
      rule: 'claim-direction',
    },
    {
      name: 'a flipped direction in the LinkedIn post',
      find: '  linkedin: |-\n    Small caps rise 2.9% on the week',
      replace: '  linkedin: |-\n    Small caps fall 2.9% on the week',
      flag: 'fall',
      rule: 'claim-direction',
    },
    {
      name: 'a flipped direction in the Facebook post',
      find: '    Small caps rise 2.9% on the week. The Russell 2000 jumped 2.5%',
      replace: '    Small caps fall 2.9% on the week. The Russell 2000 jumped 2.5%',
      flag: 'fall',
      rule: 'claim-direction',
    },
  ])('catches $name ($rule)', async ({ find, replace, flag, rule, says }) => {
    const { text, at } = edit(find, replace);
    const errors = await errorsOf(text);
    const expected = `${placeOf(text, at + replace.indexOf(flag))} wirecopy:${rule}`;
    expect(errors.map((m) => `${m.line}:${m.column} ${m.source}:${m.ruleId}`)).toEqual([expected]);
    for (const words of says ?? []) expect(errors[0]!.reason).toContain(words);
  });

  it.each([
    {
      name: 'the "since" date unmarked',
      find: 'since the week ending Aug. 22<!--fact:RUT.week.best_since-->',
      replace: 'since the week ending Aug. 22',
    },
    {
      name: "the drought's date unmarked",
      find: 'April 5, 2004<!--fact:RUT.record.drought_longest_since-->',
      replace: 'April 5, 2004',
    },
    {
      name: 'the crossing date with its year',
      find: 'crossed on Aug. 4<!--fact:RUT.sma200.cross_date-->',
      replace: 'crossed on Aug. 4, 2025',
    },
    {
      name: "a year that is one of the draft's dates",
      find: 'The close is a record, the first of the year.',
      replace: 'The close is a record, the first in 2025 and the first since a drought that began in 2004.',
    },
    {
      name: 'the year of the "since" date',
      find: 'since the week ending Aug. 22<!--fact:RUT.week.best_since-->',
      replace: 'since 2025',
    },
  ])('accepts $name', async ({ find, replace }) => {
    const { text } = edit(find, replace);
    expect((await errorsOf(text)).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.reason}`)).toEqual([]);
  });
});
