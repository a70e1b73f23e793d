/** The rules the corpus does not reach, each on the generated draft with one edit. */
import { describe, expect, it } from 'vitest';
import { escapeLinkedIn } from '../../src/drafts/social/linkedin.ts';
import { fixture, messagesOf } from './support.ts';

const ORIGINAL = fixture('original.md');
const LINKEDIN_URL =
  'https://wirecopy.example/articles/2025-09-18-weekly-recap/?utm_source=linkedin&utm_medium=social&utm_campaign=weekly-recap';

function edit(from: string, to: string): string {
  if (!ORIGINAL.includes(from)) throw new Error(`not in the fixture: ${from}`);
  return ORIGINAL.replace(from, to);
}

async function lines(text: string) {
  return (await messagesOf(text, 'edited.md')).lines;
}

describe('social posts', () => {
  it('accepts a LinkedIn post stored escaped (little format)', async () => {
    const escaped = `Read the full piece: ${escapeLinkedIn(LINKEDIN_URL)}`;
    expect(escaped).toContain('utm\\_source');
    expect(await lines(edit(`Read the full piece: ${LINKEDIN_URL}`, escaped))).toEqual([]);
  });

  it('fails an escaped LinkedIn post with a bare reserved character, on the field line', async () => {
    const slipped = `Read the full piece (free): ${escapeLinkedIn(LINKEDIN_URL)}`;
    const result = await messagesOf(edit(`Read the full piece: ${LINKEDIN_URL}`, slipped), 'edited.md');
    expect(result.lines).toEqual(['72:3 error wirecopy:linkedin-unescaped']);
    expect(result.file.messages[0]?.reason).toContain('first "("');
  });

  it('fails a LinkedIn post over 3,000 characters once escaped', async () => {
    const long = `${'Small caps led. '.repeat(190)}\n\n    Read the full piece: ${LINKEDIN_URL}`;
    expect(await lines(edit(`Read the full piece: ${LINKEDIN_URL}`, long))).toEqual([
      '72:3 error wirecopy:linkedin-too-long',
    ]);
  });

  it('warns when the Facebook lead is pushed past the fold', async () => {
    const padded = edit(
      '  facebook: |-\n    Small caps rise 2.9% on the week.',
      `  facebook: |-\n    ${'Markets were busy this week. '.repeat(17)}Small caps rise 2.9% on the week.`,
    );
    expect(await lines(padded)).toEqual(['78:3 warning wirecopy:facebook-lead-late']);
  });

  it('checks every post of an X thread (social.xThread), on its own line', async () => {
    const thread = (last: string) =>
      edit(
        '  linkedin: |-',
        `  xThread:\n    - 'Small caps rise 2.9% on the week. 1/2'\n    - '${last} 2/2'\n  linkedin: |-`,
      );
    expect(await lines(thread('Small caps led. '.repeat(10).trim()))).toEqual([]);
    const result = await messagesOf(thread('Small caps led. '.repeat(20).trim()), 'thread.md');
    expect(result.lines).toEqual(['74:7 error wirecopy:x-too-long']);
    expect(result.file.messages[0]?.reason).toBe(
      'Post 2 of the X thread is 323 weighted characters; X allows 280.',
    );
  });
});

describe('links and HTML', () => {
  it.each([
    ['[chart](http://wirecopy.example/chart)', 'wirecopy:link-not-https'],
    ['[chart](https://wirecopy example/chart)', 'wirecopy:link-malformed'],
    ['[chart](charts/rut.png)', 'wirecopy:link-not-absolute'],
  ])('%s', async (link, rule) => {
    const text = edit('so small caps led the week.', `so small caps led the week (${link}).`);
    expect(await lines(text)).toEqual([expect.stringMatching(new RegExp(`^101:\\d+ error ${rule}$`))]);
  });

  it('checks the links in the social posts', async () => {
    const text = edit('Read the full piece: https://', 'Read the full piece: http://');
    expect(await lines(text)).toEqual(['77:26 error wirecopy:link-not-https']);
  });

  it('fails an HTML comment left in the body (an editor note is not part of the piece)', async () => {
    const text = edit('\nOn Thursday,', '\n<!-- check this with the desk -->\n\nOn Thursday,');
    expect(await lines(text)).toEqual(['103:1 error wirecopy:html-comment']);
  });

  it('regression: a comment line carrying a script is an error, not a warning', async () => {
    const text = edit(
      '\nOn Thursday,',
      '\n<!-- note --><script>alert(document.domain)</script>\n\nOn Thursday,',
    );
    const result = await messagesOf(text, 'edited.md');
    expect(result.lines).toEqual(['103:1 error wirecopy:raw-html']);
    expect(result.file.messages[0]?.reason).toBe(
      'Raw HTML <!-- note --><script>alert(document.domain)</script> is not allowed in a piece.',
    );
    expect(result.file.messages[0]?.note).toMatch(/^Write it in markdown .* or delete it\./);
  });

  it('regression: a sourced mark that closes early and carries markup is not a mark', async () => {
    // A browser ends the comment at the first -->: the script runs, whatever follows it.
    const text = edit(
      '\nOn Thursday,',
      '\n<!--sourced: Desk--><script>alert(1)</script>, 2025-09-18-->\n\nOn Thursday,',
    );
    expect(await lines(text)).toEqual(['103:1 error wirecopy:raw-html']);
  });

  it.each([
    ['character references', '&lt;script&gt;alert(origin)&lt;/script&gt;', '<script>alert(origin)</script>'],
    ['a backslash escape', '\\<iframe src=x>', '<iframe src=x>'],
  ])('fails text that reads as a tag once decoded (%s)', async (_how, typed, decoded) => {
    const text = edit('so small caps led the week.', `so small caps led the week. ${typed}`);
    const result = await messagesOf(text, 'edited.md');
    // The column of the first character of the typed bracket, on the body's line 101.
    const column = text.split('\n')[100]!.indexOf(typed) + 1;
    expect(result.lines).toEqual([`101:${column} error wirecopy:encoded-html`]);
    expect(result.file.messages[0]?.reason).toBe(`The text ${decoded} reads as an HTML tag once decoded.`);
  });

  it('fails markup in the headline, which feeds and meta tags carry as text', async () => {
    const text = ORIGINAL.replace(
      /^title: (.*)$/m,
      'title: Small caps <img src=x onerror=alert(origin)> rise',
    );
    const result = await messagesOf(text, 'edited.md');
    expect(result.lines).toEqual(['2:1 error wirecopy:raw-html']);
    expect(result.file.messages[0]?.reason).toBe(
      'The title holds <img src=x onerror=alert(origin)> rise, which reads as HTML.',
    );
  });

  it('warns about a mark left with no number before it', async () => {
    const text = edit('jumped 2.5%<!--fact:RUT.change.1d-->.', 'jumped sharply<!--fact:RUT.change.1d-->.');
    expect(await lines(text)).toEqual(['103:75 warning wirecopy:marker-without-number']);
  });
});

describe('numbers in lists, tables and headings', () => {
  it('reads list items and table cells as copy, list markers as structure', async () => {
    const list =
      '\n1. Small caps up 2.9%<!--fact:RUT.return.week--> on the week\n2. Large caps up 0.7% on the week\n3. Breadth up 8.8%\n';
    const table = '\n| index | week |\n| --- | --- |\n| Russell 2000 | 2.9% |\n| S&P 500 | 0.8% |\n';
    const text = edit('\n**Bottom line:**', `${list}${table}\n**Bottom line:**`);
    expect(await lines(text)).toEqual([
      '111:15 error wirecopy:number-without-fact',
      '116:13 error wirecopy:number-without-fact',
    ]);
  });
});

describe('readability', () => {
  it('warns about a sentence that is hard to read, from retext-readability', async () => {
    const text = edit(
      '\n**Bottom line:**',
      '\nNotwithstanding considerable institutional apprehensiveness regarding macroeconomic uncertainties, characteristically undercapitalized constituents demonstrated extraordinary resilience.\n\n**Bottom line:**',
    );
    expect(await lines(text)).toEqual(['109:1 warning retext-readability:readability']);
  });

  // Regression (issue 12, noise cut): the generated sources line of a draft from three files
  // ("Sources: imported file RUT.csv; imported file GSPC.csv; imported file NDX.csv.") was
  // flagged hard to read on every real draft; it is the generator's, not the editor's, prose.
  it('does not score the generated sources line', async () => {
    const text = edit('imported file GSPC.csv._', 'imported file GSPC.csv; imported file NDX.csv._');
    expect(await lines(text)).toEqual([]);
  });

  it('does not score the pattern-study disclaimer', async () => {
    const text = edit(
      '\n_Data as of',
      '\n_What followed earlier occurrences of a pattern says nothing certain about what follows this one._\n\n_Data as of',
    );
    expect(await lines(text)).toEqual([]);
  });
});

describe('the closest-fact hint', () => {
  // Regression (issue 12, noise cut): "the S&P 500 was up 1.8%" got the hint "The closest fact
  // is RUT.return.5d (1.9%)": the Russell 2000's figure, for a sentence about the S&P 500.
  it('names only a fact of the same series and measure', async () => {
    const text = edit('while the S&P 500 was up 0.7%.', 'while the S&P 500 was up 1.8%.');
    const { file } = await messagesOf(text, 'hint.md');
    const [message] = file.messages.filter((m) => m.ruleId === 'number-without-fact');
    expect(message?.note).toMatch(/The closest fact is SPX\.return\.(?:5d|week) \(0\.7%\)\.$/);
  });
});
