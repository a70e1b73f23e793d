/**
 * The four sessions issue 11 reads as a markets editor would (2025-11-28, 2025-10-15,
 * 2025-08-27 and 08-29, 2024-07-16), drafted from the real files in ../shared/data/market:
 * every story that applies carries the sentences an editor needs (the why, the history, the
 * other side, the sources line) with the right numbers, and passes `wirecopy check` as generated.
 *
 * Every expected number was derived by hand from the CSVs (Close of RUT.csv rounded to cents,
 * Close of GSPC.csv, DGS2 and DFEDTARL/DFEDTARU of FRED_rates.csv); the comment beside each
 * says which rows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { RUSSELL_2000_REFERENCES } from '../../src/drafts/style/referring.ts';
import { FACT_LINK } from '../../src/drafts/view-values.ts';
import { HAS_MARKET_DATA, MARKET_DATA, type Workspace, workspace } from '../support/cli.ts';

interface Session {
  asOf: string;
  /** The stories `draft --all` writes for the session, in no particular order. */
  stories: string[];
  /** Sentences every one of the session's pieces carries, fact links removed. */
  every: (string | RegExp)[];
  /** Sentences of one story's piece. */
  story?: Record<string, (string | RegExp)[]>;
}

const asLiteral = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A sentence whose subject is whichever mention of the Russell 2000 the piece gives there (the
 * referrer varies it, src/drafts/style/referring.ts), with the verb agreeing: `"{Ref} is|are up
 * 12.1%"` matches "The index is up 12.1%" and "Small caps are up 12.1%", never "Small caps is".
 * `{Ref}'s` is the possessive ("Small caps' close"), `{ref}` a mention inside a sentence.
 */
function mentioning(sentence: string): RegExp {
  const forms = [{ text: RUSSELL_2000_REFERENCES.name, plural: false }, ...RUSSELL_2000_REFERENCES.later];
  const match = /\{(Ref|ref)\}(?:('s)|(?: ([a-z]+)\|([a-z]+)))?/.exec(sentence);
  if (!match) throw new Error(`no {Ref} in "${sentence}"`);
  const [whole, tag, possessive, singular, plural] = match;
  const [before, after] = [sentence.slice(0, match.index), sentence.slice(match.index + whole.length)];
  // `{its}` later in the sentence agrees with the mention: "small caps ... their".
  const options = forms.map(({ text, plural: isPlural }) => {
    const words = tag === 'Ref' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    const rest = asLiteral(after.replaceAll('{its}', isPlural ? 'their' : 'its'));
    if (possessive) return asLiteral(isPlural ? `${words}'` : `${words}'s`) + rest;
    if (singular) return asLiteral(`${words} ${isPlural ? plural : singular}`) + rest;
    return asLiteral(words) + rest;
  });
  return new RegExp(`${asLiteral(before)}(?:${options.join('|')})`);
}

/** The credit line when the piece prints the Russell 2000, the S&P 500 and a yield and the target. */
const SOURCES_RUT_SPX_FRED =
  'Sources: Russell 2000: FTSE Russell; S&P 500: S&P Dow Jones Indices; Treasury yields and the fed funds target: Federal Reserve Bank of St. Louis (FRED).';

const SESSIONS: Session[] = [
  {
    // Black Friday, a 1 p.m. close (src/calendar/early-closes.ts).
    asOf: '2025-11-28',
    stories: ['daily-wrap', 'small-cap-rally', 'pattern-study', 'weekly-recap', 'monthly-recap'],
    every: [
      // FRED DFEDTARU 4.00 from 2025-10-30 (4.25 before): the FOMC decision of Oct. 29, a 25 bp cut.
      'The Federal Reserve cut its target range by 25 basis points on Oct. 29, to a range of 3.75% to 4.00%.',
      // Small caps trail: RUT 2,500.43 against 2,230.16 on 2024-12-31 (+12.1%); SPX 6,849.09 against 5,881.63 (+16.4%).
      mentioning('{Ref} is|are up 12.1% in 2025, compared with a 16.4% gain for the S&P 500.'),
      // 2021 through 2024 each a year of RUT below SPX; five in a row last ended in 1998.
      'If the year ended today, 2025 would be the fifth straight year in which small caps trailed the S&P 500, matching the longest such run on record, which ended in 1998.',
      // RUT's last record close: 2,520.44 on 2025-10-27, within 3% (0.8% below).
      /Whether (?:the Russell 2000|the index|the small-cap benchmark) can clear the record close it set on Oct\. 27, now within reach\.|Whether small caps can clear the record close they set on Oct\. 27, now within reach\./,
      // src/calendar/fomc.ts: Dec. 9–10, 2025; sessions Dec. 1–10 are eight.
      "The Fed's next rate decision is due on Dec. 10, eight sessions from now.",
      /Sources: Russell 2000: FTSE Russell; S&P 500: S&P Dow Jones Indices; (?:Nasdaq-100: Nasdaq; )?Treasury yields and the fed funds target: Federal Reserve Bank of St\. Louis \(FRED\)\./,
    ],
    story: {
      'daily-wrap': [
        'The Russell 2000 rose 0.6% to 2,500.43 on Friday in a holiday-shortened session',
        // DGS2 3.47 on 2025-11-28 against 3.55 on 2025-11-20, five sessions earlier: -8 bp.
        'The 2-year Treasury yield, which moves with expectations for Fed policy, fell 8 basis points over the past five sessions to 3.47%. Small companies carry more floating-rate debt than large ones, so lower rates tend to help them more.',
        // RUT 2,500.43 / 2,305.11 (2025-11-20) = +8.5%; SPX 6,849.09 / 6,538.76 = +4.7%: a
        // 3.7-point lead; the last five-session window with a lead at least as wide ended 2024-11-25.
        'Over five sessions the small-cap benchmark leads the S&P 500 by 3.7 percentage points, its widest lead since the stretch ending Nov. 25, 2024.',
      ],
      'monthly-recap': [
        // DGS2 3.47 against 3.60 on 2025-10-31: -13 bp.
        'fell 13 basis points this month to 3.47%',
      ],
      'pattern-study': [
        // The caveat is said once, in the disclaimer block, not again in the body.
        /past performance does not predict future results\. What followed earlier occurrences of a pattern says nothing certain about what follows this one\./,
      ],
      'weekly-recap': [
        mentioning('On Friday, a holiday-shortened session that closed the week, {ref} rose|rose 0.6%.'),
      ],
    },
  },
  {
    asOf: '2025-10-15',
    stories: ['daily-wrap', 'record-high', 'small-cap-rally'],
    every: [
      // FRED DFEDTARU 4.25 from 2025-09-18 (4.50 before): the FOMC decision of Sept. 17.
      'The Federal Reserve cut its target range by 25 basis points on Sept. 17, to a range of 4.00% to 4.25%.',
      // DGS2 3.50 on 2025-10-15 against 3.58 on 2025-10-08: -8 bp.
      'fell 8 basis points over the past five sessions to 3.50%',
      // RUT 2,519.75 / 2,230.16 = +13.0%; SPX 6,671.06 / 5,881.63 = +13.4%: 0.4 point behind,
      // and closer than 21 sessions earlier (ytd_race.nearly_caught_up, within 1 point).
      mentioning(
        'Small caps have nearly caught up with large caps for the year. {Ref} is|are up 13.0% in 2025, compared with a 13.4% gain for the S&P 500.',
      ),
      // RUT +1.4% (2,483.99 on 10-08) against SPX −1.2% (6,753.72): a 2.7-point lead; the last
      // five-session window with one at least as wide ended 2025-08-27.
      'Over five sessions the small-cap benchmark leads the S&P 500 by 2.7 percentage points, its widest lead since the stretch ending Aug. 27.',
      SOURCES_RUT_SPX_FRED,
    ],
    story: {
      // Closes above every earlier one in 2025: 09-18, 10-03, 10-06, 10-14 and 10-15, the fifth.
      'daily-wrap': [
        'The Russell 2000 rose 1.0% to a record 2,519.75 on Wednesday',
        "Wednesday's close was its fifth record of the year.",
      ],
      'record-high': ['The Russell 2000 closed at a record 2,519.75 on Wednesday, after climbing 1.0%.'],
    },
  },
  {
    asOf: '2025-08-27',
    stories: ['daily-wrap', 'small-cap-rally', 'rates-fed'],
    every: [
      // FRED DFEDTARU 4.50 since 2024-12-19: the FOMC cut of Dec. 18, 2024; no change since.
      'The Federal Reserve has held its target range at 4.25% to 4.50% since its last cut, on Dec. 18, 2024.',
      // The record close before: 2,442.74 on 2021-11-08; RUT 2,373.80 is 2.8% below. The drought
      // line prints the 953 sessions, so this line gives only the date.
      'The small-cap benchmark is 2.8% below its record close of 2,442.74, set on Nov. 8, 2021.',
      // 953 sessions since 2021-11-08; the last drought as long: 954 sessions, ended 2011-04-27.
      'The index has now gone 953 sessions without a record close, the longest such stretch since the one that ended on April 27, 2011.',
      // GSPC.csv: 6,481.40 above every earlier close; its 19th record of 2025.
      'Large caps are at highs: the S&P 500 closed at a record, its 19th of the year.',
      SOURCES_RUT_SPX_FRED,
    ],
    story: {
      // DGS2 3.59 on 2025-08-27 against 3.74 on 2025-08-20: -15 bp.
      'rates-fed': [
        'The 2-year Treasury yield fell 15 basis points over five sessions to 3.59%',
        'Borrowing costs weigh more on small caps, whose companies lean more on floating-rate debt than the largest ones do.',
      ],
      'daily-wrap': [
        'fell 15 basis points over the past five sessions to 3.59%. Small companies carry more floating-rate debt than large ones, so lower rates tend to help them more.',
      ],
    },
  },
  {
    asOf: '2025-08-29',
    stories: ['daily-wrap', 'weekly-recap', 'monthly-recap'],
    every: [
      // 955 sessions since 2021-11-08; 2011's drought was 954, 2004's (ended 2004-04-05) 1,021.
      'The index has now gone 955 sessions without a record close, the longest such stretch since the one that ended on April 5, 2004.',
      'The Federal Reserve has held its target range at 4.25% to 4.50% since its last cut, on Dec. 18, 2024.',
      // RUT 2,366.42 / 2,230.16 = +6.1%; SPX 6,460.26 / 5,881.63 = +9.8%.
      mentioning(
        'Small caps still trail for the year. {Ref} is|are up 6.1% in 2025, compared with a 9.8% gain for the S&P 500.',
      ),
      // FOMC Sept. 16–17, 2025: Sept. 2–17 are 12 sessions (Sept. 1 is Labor Day).
      "The Fed's next rate decision is due on Sept. 17, 12 sessions from now.",
    ],
    story: {
      // The month's last session: 2,366.42 against 2,211.65 on 2025-07-31, +7.0%.
      'daily-wrap': [mentioning('{Ref} ended|ended the month up 7.0%.'), SOURCES_RUT_SPX_FRED],
      // DGS2 3.59 against 3.94 on 2025-07-31: -35 bp.
      'monthly-recap': ['fell 35 basis points this month to 3.59%'],
    },
  },
  {
    asOf: '2024-07-16',
    stories: ['daily-wrap', 'small-cap-rally', 'rates-fed'],
    every: [
      // FRED DFEDTARU 5.50 since 2023-07-27: the FOMC hike of July 26, 2023.
      'The Federal Reserve has held its target range at 5.25% to 5.50% since its last hike, on July 26, 2023.',
      // The last close at least 2,263.67 before this one: 2022-01-04.
      mentioning('{Ref} closed at {its} highest level since Jan. 4, 2022.'),
      // 2,263.67 / 2,029.47 (2024-07-09) = +11.5%; the last earlier five-session window with a
      // gain at least as large ended 2020-04-29.
      mentioning('{Ref} had {its} best five sessions since the stretch ending April 29, 2020.'),
      // RUT +11.5% against SPX +1.6% (5,667.20 / 5,576.98): 9.9 points, wider than every
      // earlier five-session window back to RUT.csv's first row, 1987-09-10.
      'Over five sessions the small-cap benchmark leads the S&P 500 by 9.9 percentage points, its widest lead in data going back to Sept. 10, 1987.',
      // RUT +11.7% (2,027.07 on 2023-12-29) against SPX +18.8% (4,769.83).
      mentioning('{Ref} is|are up 11.7% in 2024, compared with an 18.8% gain for the S&P 500.'),
      // src/calendar/fomc.ts: July 30–31, 2024; July 17–31 are 11 sessions.
      "The Fed's next rate decision is due on July 31, 11 sessions from now.",
      SOURCES_RUT_SPX_FRED,
    ],
    story: {
      // DGS2 4.43 on 2024-07-16 against 4.62 on 2024-07-09: -19 bp.
      'rates-fed': [
        'The 2-year Treasury yield fell 19 basis points over five sessions to 4.43%, and the 10-year yield stands at 4.17%. The Federal Reserve has held',
      ],
      'daily-wrap': ['The Russell 2000 surged 3.5% to 2,263.67 on Tuesday'],
    },
  },
];

describe.skipIf(!HAS_MARKET_DATA)('the four sessions of issue 11, as an editor reads them', () => {
  let ws: Workspace;
  const bodies = new Map<string, string>();
  const paths = new Map<string, string>();

  beforeAll(async () => {
    // After the last row of every file imported (FRED_rates.csv runs to 2026-08-24).
    ws = workspace('2026-08-25');
    const files = ['RUT.csv', 'GSPC.csv', 'NDX.csv', 'FRED_rates.csv'].map((f) => join(MARKET_DATA, f));
    expect((await ws.run(['import', ...files])).code).toBe(0);
    for (const { asOf } of SESSIONS) {
      const result = await ws.run(['draft', '--as-of', asOf, '--all']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    const dir = join(ws.dir, 'content', 'drafts');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      const { content } = matter(readFileSync(join(dir, name), 'utf8'));
      const key = name.replace(/\.md$/, '');
      bodies.set(key, content.replace(FACT_LINK, ''));
      paths.set(key, join(dir, name));
    }
  }, 120_000);

  describe.each(SESSIONS)('$asOf', ({ asOf, stories, every, story }) => {
    it('drafts every story that applies', () => {
      const drafted = [...bodies.keys()].filter((k) => k.startsWith(asOf)).map((k) => k.slice(11));
      expect(drafted.sort()).toEqual([...stories].sort());
    });

    it.each(stories)('%s carries the why, the history, the other side and the sources', (id) => {
      const body = bodies.get(`${asOf}-${id}`)!;
      for (const says of [...every, ...(story?.[id] ?? [])]) {
        if (typeof says === 'string') expect(body).toContain(says);
        else expect(body).toMatch(says);
      }
      // Paragraphs are separated by one blank line, and no sentence is glued to the next.
      expect(body).not.toMatch(/\.[^\S\n]{2,}\S/);
      expect(body).not.toMatch(/[^\n]\n[A-Z]/);
      // One pattern caveat: the disclaimer's, never a second one in the body.
      expect(body).not.toContain('Past patterns describe what happened');
    });

    it('passes wirecopy check as generated, claims included', async () => {
      const files = stories.map((id) => paths.get(`${asOf}-${id}`)!);
      const check = await ws.run(['check', '--max-age', '100000', ...files]);
      expect(check.stdout).toContain(`${files.length} files checked: 0 errors`);
      expect(check.stdout).not.toMatch(/wirecopy:claim-/);
      expect(check.code).toBe(0);
    });
  });
});
