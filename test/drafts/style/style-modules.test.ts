/**
 * Table tests for the microplanning rules (src/drafts/style). Expected values are the AP
 * Stylebook's rules (numerals, a/an by sound, time of day) and figures from the real data,
 * each noted beside its case.
 */
import Mustache from 'mustache';
import { describe, expect, it } from 'vitest';
import { countOf, countWords, numeralsUnderTen, ordinalWords } from '../../../src/drafts/style/ap-numbers.ts';
import { mixedApostrophes, straightApostrophes } from '../../../src/drafts/style/apostrophes.ts';
import { indefiniteArticle, withArticle, wrongArticles } from '../../../src/drafts/style/articles.ts';
import { connected, connective, directionOf, relationOf } from '../../../src/drafts/style/connectives.ts';
import { mixedPeriods } from '../../../src/drafts/style/gate.ts';
import { roundedShare, timesOf } from '../../../src/drafts/style/reader-rounding.ts';
import { createReferrer } from '../../../src/drafts/style/referring.ts';
import { printedFigures, repeatedNumbers, spendSections } from '../../../src/drafts/style/repetition.ts';
import { apTime, holidayShortenedWeek, sessionKind } from '../../../src/drafts/style/session-kind.ts';
import { movedBy, moveNoun } from '../../../src/drafts/style/signed-moves.ts';
import { leadWords, smaPosition, ytdGapSize } from '../../../src/drafts/style/size-words.ts';

describe('a/an by sound', () => {
  it.each([
    ['11.5% gain', 'an'], // "eleven point five"
    ['18.8% rise', 'an'], // "eighteen"
    ['8% drop', 'an'], // "eight"
    ['1.2% gain', 'a'], // "one"
    ['80% share', 'an'],
    ['110-session run', 'a'], // "one hundred ten"
    ['11,000-point', 'an'], // "eleven thousand"
    ['1,100-point', 'a'], // "one thousand one hundred"
    ['18,500 level', 'an'], // "eighteen thousand"
    ['2.1% gain', 'a'],
    ['S&P 500 record', 'an'], // "ess"
    ['NYSE holiday', 'an'], // "en"
    ['U.S. index', 'a'], // "you"
    ['one-time gain', 'a'], // "won"
    ['hour', 'an'],
    ['index', 'an'],
    ['record', 'a'],
    ['unit', 'a'],
    ['8.5%<!--fact:RUT.return.5d--> gain', 'an'], // the fact link is not read aloud
  ])('%s → %s', (phrase, article) => {
    expect(indefiniteArticle(phrase)).toBe(article);
  });

  it('finds the articles a template hard-coded wrong', () => {
    const text =
      'against a 11.5%<!--fact:SPX.return.ytd--> gain for the S&P 500, and an 1.2% drop; a 2.1% gain';
    expect(wrongArticles(text).map((m) => [m.text, m.expected])).toEqual([
      ['a 11.5%', 'an'],
      ['an 1.2%', 'a'],
    ]);
    expect(withArticle('18.8% rise')).toBe('an 18.8% rise');
  });
});

describe('AP numerals', () => {
  it.each([
    [4, 'four'],
    [9, 'nine'],
    [10, '10'],
    [1204, '1,204'],
  ])('count %d → %s', (n, words) => expect(countWords(n)).toBe(words));

  it.each([
    [5, 'fifth'],
    [1, 'first'],
    [10, '10th'],
    [22, '22nd'],
  ])('ordinal %d → %s', (n, words) => expect(ordinalWords(n)).toBe(words));

  it('agrees the noun with the count', () => {
    expect(countOf(1, 'session')).toBe('one session');
    expect(countOf(967, 'session')).toBe('967 sessions');
  });

  it('flags a lone figure under 10, and only that', () => {
    const text =
      'for 4 straight calendar years, the 5th record close, 1 sessions ago; up 5% and 0.7%, 5 basis points, ' +
      'the 2-year yield, the S&P 500, Russell 2000, Nov. 28, 2025, 2,500.43, 18 times, 10th';
    expect(numeralsUnderTen(text).map((m) => m.text)).toEqual(['4', '5th', '1']);
  });
});

describe('signed moves', () => {
  it.each([
    [0.007, '0.7%', 'rose 0.7%', 'a 0.7% gain'],
    [-0.012, '1.2%', 'fell 1.2%', 'a 1.2% drop'],
    [-0.08, '8%', 'fell 8%', 'an 8% drop'],
    [0.115, '11.5%', 'rose 11.5%', 'an 11.5% gain'],
    [0, '0.0%', 'was unchanged', 'no change'],
  ])('%d', (move, magnitude, verb, noun) => {
    expect(movedBy(move, magnitude)).toBe(verb);
    expect(moveNoun(move, magnitude)).toBe(noun);
  });
});

describe('size-scaled words', () => {
  // RUT.csv 2025-09-18: close 2,467.70; the 200-day average that day was about 2,143 (15% above).
  it.each([
    [2467.7, 2143, 'well above'],
    [2250, 2200, 'above'], // 2.3%
    [2220, 2200, 'just above'], // 0.9%: under 1%
    [2100, 2200, 'below'], // -4.5%
    [1900, 2200, 'well below'],
  ])('close %d against %d → %s', (close, average, words) => {
    expect(smaPosition(close, average)).toBe(words);
  });

  it('says "left behind the rest of the market" only for a large lead', () => {
    // issue 11: a 1.4% gain against 0.6% is no "left behind".
    expect(leadWords(0.014, 0.006)).toBe('have edged ahead of the rest of the market');
    expect(leadWords(0.03, 0.01)).toBe('have pulled ahead of the rest of the market');
    // 2025-11-28: RUT +8.5% over five sessions (RUT.csv), SPX +3.7% (GSPC.csv).
    expect(leadWords(0.085, 0.037)).toBe('have left behind the rest of the market');
    expect(leadWords(0.01, 0.02)).toBeNull();
  });

  it('weighs the year-to-date gap', () => {
    // issue 11: "The year still belongs to large caps" for a 0.4-point gap is wrong: narrow.
    expect(ytdGapSize(0.1, 0.104)).toBe('narrow');
    expect(ytdGapSize(0.05, 0.15)).toBe('wide');
    expect(ytdGapSize(0.1, 0.12)).toBe('moderate');
  });
});

describe('rounding to what a reader needs', () => {
  it.each([
    [0.723, 'more than 70%'],
    [0.784, 'nearly 80%'],
    [0.074, 'about 7%'],
    [0.5, '50%'],
    [0.3, '30%'],
  ])('%d → %s', (share, words) => expect(roundedShare(share)).toBe(words));

  it('gives a hit rate as a count of cases', () => {
    // 11/18 = 61.1%, the figure issue 11 quotes.
    expect(timesOf(0.6111, 18)).toBe('11 of 18 times');
    expect(timesOf(5 / 9, 9)).toBe('five of nine times');
    expect(timesOf(0.6, 18)).toBeUndefined();
  });
});

describe('no number printed more than twice', () => {
  it('counts figures, not names or dates', () => {
    const text =
      'The Russell 2000 rose 8.5% on Nov. 28, 2025. Up 8.5%<!--fact:RUT.return.5d--> for the week, the S&P 500 ' +
      'is up 3.7%; small caps are up 8.5% again at 2,500.43. The 200-day average.';
    expect(printedFigures(text)).toEqual(['8.5%', '8.5%', '3.7%', '8.5%', '2,500.43']);
    expect(repeatedNumbers(text)).toEqual([{ figure: '8.5%', count: 3 }]);
  });

  it('moves the last section printing a figure three times to its phrasing without it', () => {
    // A headline and lede that print 0.6% twice (as on 2025-03-21), and two later sections.
    const spend = spendSections();
    const template =
      'Small caps rise 0.6%. The Russell 2000 rose 0.6%.{{#spend}} The S&P 500 rose 0.6%.{{!or}} The S&P 500 rose by the same margin.{{/spend}}{{#spend}} The index is 1.2% below its record.{{!or}} The index is below its record.{{/spend}}';
    const render = () => {
      spend.reset();
      return Mustache.render(template, { spend: spend.lambda });
    };
    let text = render();
    expect(repeatedNumbers(text)).toEqual([{ figure: '0.6%', count: 3 }]);
    expect(spend.giveUp(text)).toBe(true);
    text = render();
    // Only the section that printed the third 0.6% changed; 1.2% is printed once and stays.
    expect(text).toBe(
      'Small caps rise 0.6%. The Russell 2000 rose 0.6%. The S&P 500 rose by the same margin. The index is 1.2% below its record.',
    );
    expect(spend.giveUp(text)).toBe(false);
  });

  it('leaves a clause out when its last phrasing is empty, and gives up when no section can help', () => {
    const spend = spendSections();
    const template = 'Up 8.5% today, up 8.5% in five sessions{{#spend}}, up 8.5% this week{{!or}}{{/spend}}.';
    const render = () => {
      spend.reset();
      return Mustache.render(template, { spend: spend.lambda });
    };
    expect(spend.giveUp(render())).toBe(true);
    expect(render()).toBe('Up 8.5% today, up 8.5% in five sessions.');
    // Three prints outside any section: nothing to move.
    expect(spendSections().giveUp('8.5% 8.5% 8.5%')).toBe(false);
  });
});

describe('one period per social post', () => {
  it('flags a post that gives the week and five sessions (the issue 11 example)', () => {
    expect(
      mixedPeriods('Small caps jump 5.5% on the week. The Russell 2000 is up 8.5% over five sessions.'),
    ).toBe('week + 5 sessions');
  });

  it('reads "its first record in 967 sessions" as a drought, not a second period (2025-09-18 record-high)', () => {
    expect(
      mixedPeriods('Russell 2000 sets its first record in 967 sessions. It is up 1.9% over five sessions.'),
    ).toBeUndefined();
    expect(
      mixedPeriods('Russell 2000 rose 2.1% over the past 21 sessions. It is up 1.9% over five sessions.'),
    ).toBe('21 sessions + 5 sessions');
  });
});

describe('half-day sessions', () => {
  it('names the early close of Nov. 28, 2025 (NYSE: 1 p.m. the day after Thanksgiving)', () => {
    expect(sessionKind('2025-11-28')).toEqual({
      kind: 'holiday-early-close',
      phrase: 'a holiday-shortened session',
      closeTime: '1 p.m.',
    });
    expect(sessionKind('2025-11-26').kind).toBe('full');
    // Thanksgiving, 2025-11-27, was a holiday: the week of Nov. 24 was shortened; Nov. 17's was not.
    expect(holidayShortenedWeek('2025-11-28')).toBe(true);
    expect(holidayShortenedWeek('2025-11-21')).toBe(false);
    expect(apTime('14:30')).toBe('2:30 p.m.');
  });
});

describe('apostrophes', () => {
  it('straightens curly apostrophes and finds a mix', () => {
    expect(straightApostrophes('the S&P 500’s gain, the index’s, “quoted”')).toBe(
      "the S&P 500's gain, the index's, “quoted”",
    );
    expect(mixedApostrophes("the index's and the fund’s")).toBe(true);
    expect(mixedApostrophes("the index's and the fund's")).toBe(false);
  });
});

describe('referring expressions and connectives', () => {
  it('varies the mentions, and names the index again after another one', () => {
    const r = createReferrer();
    expect([r.next().text, r.next().text, r.next().text]).toEqual([
      'the Russell 2000',
      'the index',
      'small caps',
    ]);
    r.otherIndexMentioned();
    expect(r.next().text).toBe('the Russell 2000');
  });

  it('uses "For all that" only after a contrasting part', () => {
    expect(relationOf(directionOf(0.012), directionOf(-0.03))).toBe('contrast');
    expect(relationOf(directionOf(-0.01), directionOf(-0.03))).toBe('addition');
    expect(relationOf(directionOf(0), directionOf(-0.03))).toBe('neutral');
    expect(connective('contrast')).toBe('For all that,');
    expect(connected('neutral', 'Small caps still trail.')).toBe('Small caps still trail.');
    expect(connected('contrast', 'Small caps still trail.', 1)).toBe('Still, small caps still trail.');
    expect(connected('contrast', 'S&P 500 leads.', 1)).toBe('Still, S&P 500 leads.');
  });
});
