import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CheckInput,
  checkLinks,
  checkSize,
  checkSubject,
  GMAIL_CLIP_BYTES,
  SIZE_WARNING_BYTES,
} from '../../src/newsletter/checks.ts';
import { ISSUE, newsletterWorkspace, SITE, writeArticle } from './support.ts';

const TAGS = `utm_source=newsletter&utm_medium=email&utm_campaign=${ISSUE}`;

/** A paragraph of about `bytes` bytes of plausible copy. */
function paragraph(bytes: number, seed: number): string {
  const sentence = `Small caps rose again in session ${seed}, and the index extended its lead over large caps. `;
  return sentence.repeat(Math.ceil(bytes / sentence.length)).trim();
}

describe('size: Gmail clips an email whose HTML passes 102 KB', () => {
  it('fails an oversized issue (exit 1), names its biggest parts, and keeps the archive page unwritten', async () => {
    const ws = newsletterWorkspace();
    // 24 long pieces over the week's sessions (Thursday was Thanksgiving), one far longer than the rest.
    for (let i = 0; i < 24; i++) {
      const size = i === 7 ? 30_000 : 2_500;
      writeArticle(ws, {
        asOf: `2025-11-${['24', '25', '26', '28'][i % 4]}`,
        slug: `long-piece-${i}`,
        // Each its own story and headline: the issue carries one piece per story, session and headline.
        story: `long-piece-${i}`,
        title: `Long piece ${i}`,
        body: `${paragraph(size, i)}\n\n${paragraph(size, i + 100)}\n\n${paragraph(size, i + 200)}`,
      });
    }
    const run = await ws.run(['newsletter']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The newsletter failed its checks');
    expect(run.stderr).toMatch(
      /error email-size: email\.html is \d+\.\d KB, over the 102\.0 KB at which Gmail clips/,
    );
    // The biggest part first, with its size; then the next ones.
    const parts = run.stderr.split('\n').filter((line) => /^\s+\d+\.\d KB {2}/.test(line));
    expect(parts).toHaveLength(5);
    // Piece 7's excerpt is two paragraphs of about 30,000 bytes each: about 60 KB.
    expect(parts[0]).toMatch(/^\s+(59|60)\.\d KB {2}article 2025-11-28-long-piece-7$/);
    const sizes = parts.map((line) => Number(/([\d.]+) KB/.exec(line)![1]));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    // The email is written for a look; the site does not get the issue.
    expect(statSync(join(ws.outDir, 'email.html')).size).toBeGreaterThan(GMAIL_CLIP_BYTES);
    expect(existsSync(join(ws.dir, 'content', 'newsletters', `${ISSUE}.md`))).toBe(false);
    const meta = JSON.parse(readFileSync(join(ws.outDir, 'meta.json'), 'utf8'));
    expect(meta.checks.map((m: { rule: string; severity: string }) => `${m.severity} ${m.rule}`)).toContain(
      'error email-size',
    );
  });

  it.each([
    [SIZE_WARNING_BYTES, []],
    [SIZE_WARNING_BYTES + 1, ['warning']],
    [GMAIL_CLIP_BYTES, ['warning']],
    [GMAIL_CLIP_BYTES + 1, ['error']],
  ])('%i bytes → %j', (bytes, expected) => {
    const input = checkInput({ html: 'x'.repeat(bytes) });
    expect(checkSize(input).map((m) => m.severity)).toEqual(expected);
  });

  it('counts bytes, not characters', () => {
    const html = '–'.repeat(Math.ceil((GMAIL_CLIP_BYTES + 1) / 3)); // three bytes each in UTF-8
    expect(html.length).toBeLessThan(GMAIL_CLIP_BYTES);
    expect(checkSize(checkInput({ html })).map((m) => m.severity)).toEqual(['error']);
  });
});

describe('subject length', () => {
  it.each([
    ['x'.repeat(60), 0],
    ['x'.repeat(61), 1],
    ['Small caps’ best week since 2024 — and the reason it may not last long', 1],
  ])('%s', (subject, warnings) => {
    expect(checkSubject(subject).filter((m) => m.severity === 'warning')).toHaveLength(warnings);
  });

  it('takes the newest headline that fits as the default subject, so the default export does not warn', async () => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter']);
    expect(run.code).toBe(0);
    // The Nov. 28 rally headline is 65 characters; the weekly recap of the same session is the
    // newest that fits in 60 (fixtures/newsletter/articles).
    expect(run.stdout).toContain('Subject: "Small caps jump 5.5% on the week"');
    expect(run.stdout).not.toContain('subject-length');
  });

  it('warns on a --title over 60 characters, and still exits 0', async () => {
    const ws = newsletterWorkspace();
    const title = 'Small caps’ best week since 2024 — and the reason it may not last long';
    const run = await ws.run(['newsletter', '--title', title]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('warning subject-length: The subject is 70 characters');
  });
});

describe('links: every one to a page of the site or an allowed host', () => {
  it('fails links to unknown hosts and to pages the site does not have, naming each', async () => {
    const ws = newsletterWorkspace();
    writeArticle(ws, {
      asOf: '2025-11-26',
      slug: 'linked-piece',
      story: 'linked-piece',
      title: 'A piece with links',
      body: [
        'See [our method](/smallcaps/methodology/), [last week](/smallcaps/articles/2025-11-21-weekly-recap/),',
        '[the index maker](https://www.lseg.example/russell), [a typo](/smallcaps/articles/2025-11-27-nothing/)',
        'and [no slash](https://news.example/smallcaps/methodology).',
      ].join(' '),
    });
    const run = await ws.run(['newsletter']);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((line) => line.includes('error link-'));
    expect(errors).toEqual([
      expect.stringContaining('error link-host: https://www.lseg.example/russell?'),
      expect.stringContaining(
        `error link-target: ${SITE}/articles/2025-11-27-nothing/ is not a page of the site.`,
      ),
      expect.stringContaining(
        `error link-target: ${SITE}/methodology is not a page of the site (did you mean /smallcaps/methodology/?).`,
      ),
    ]);

    const allowed = await ws.run(['newsletter', '--allow-host', 'www.lseg.example']);
    expect(allowed.stderr).not.toContain('link-host');
    expect(allowed.code).toBe(1); // the two bad site links remain
  });

  it('reports untagged, relative and non-http links, and lets the unsubscribe merge tag pass', () => {
    const html = [
      `<a href="${SITE}/?${TAGS}">home</a>`,
      `<a href="${SITE}/methodology/">untagged</a>`,
      `<a href="/smallcaps/">relative</a>`,
      `<a href="mailto:desk@news.example">mail</a>`,
      `<a href="{{unsubscribe_url}}">Unsubscribe</a>`,
    ].join('');
    expect(checkLinks(checkInput({ html })).map((m) => `${m.rule} ${m.message.split(' ')[0]}`)).toEqual([
      `link-utm ${SITE}/methodology/`,
      'link-absolute /smallcaps/',
      'link-absolute mailto:desk@news.example',
    ]);
  });

  it('reads hrefs the way a client does: entities decoded', () => {
    const html = `<a href="${SITE}/?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=${ISSUE}">home</a>`;
    expect(checkLinks(checkInput({ html }))).toEqual([]);
  });
});

function checkInput(overrides: Partial<CheckInput>): CheckInput {
  return {
    html: '',
    articleBytes: [],
    subject: 'Small caps',
    issueId: ISSUE,
    siteUrl: SITE,
    sitePages: new Set([`${SITE}/`, `${SITE}/methodology/`]),
    allowedHosts: new Set(),
    ...overrides,
  };
}
