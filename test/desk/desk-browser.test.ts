/**
 * The desk driven in headless Chromium (playwright-core + Debian's /usr/bin/chromium), on a store
 * of real closes (desk-fixture.ts): open the day's draft, break a number and see the check point
 * at it, fix it, insert a fact from the panel, mark a hand-sourced number, push the X post past
 * 280, approve (refused first, with the check's errors; then the piece lands in
 * content/articles/ with review.by) and reject the earlier session's draft.
 *
 * Numbers from the draft itself (2026-02-23 daily wrap, RUT.csv's last row): RUT closed at
 * 2,620.99 (RUT.close), 5.6% for the year (RUT.return.ytd).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../site/site-fixture.ts';
import { HAS_MARKET_DATA } from '../support/cli.ts';
import { type DeskFixture, EARLIER, LATEST, openDesk, realDataWorkspace } from './desk-fixture.ts';

/** For what waits on the server (a check, a save, an approval); a loaded machine can be slow. */
const SOON = { timeout: 10_000 };

/** Selects the first match of `text` in the editor, the way an editor would: Ctrl-F, Enter, Escape. */
async function find(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+f');
  const field = page.locator('.cm-search input[name=search]');
  await field.fill(text);
  // The panel takes its query on change (or keyup), not on input.
  await field.dispatchEvent('change');
  await field.press('Enter');
  await page.keyboard.press('Escape');
}

/** Saves with Ctrl-S and reads the file back: what the editor holds, every line of it. */
async function savedText(page: Page, file: string): Promise<string> {
  await page.keyboard.press('Control+s');
  await expect.poll(() => page.locator('#status').textContent(), SOON).toContain('Saved');
  await page.locator('#status').evaluate((node) => {
    node.textContent = '';
  });
  return readFileSync(file, 'utf8');
}

describe.skipIf(!HAS_MARKET_DATA || !hasChromium)('the desk in Chromium, on real data', () => {
  let desk: DeskFixture;
  let browser: Browser;
  let page: Page;
  const latestFile = () => join(desk.ws.dir, 'content', 'drafts', LATEST);

  beforeAll(async () => {
    desk = await openDesk(await realDataWorkspace());
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('pageerror', (error) => console.error('page error:', error));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it("lists today's work: the drafts with story, lead and check, the earlier session flagged, the gate's verdict", async () => {
    await page.goto(desk.url);
    const latest = page.locator(`li[data-name="drafts/${LATEST}"]`);
    await expect.poll(() => latest.count(), SOON).toBe(1);
    expect(await latest.locator('.meta').textContent()).toContain('daily-wrap · lead RUT.change.1d');
    expect(await latest.locator('.meta').textContent()).toContain('check: 0 error(s)');
    const earlier = page.locator(`li[data-name="drafts/${EARLIER}"]`);
    expect(await earlier.locator('.flag').textContent()).toBe('earlier session, unpublished');
    expect(await page.locator('#gate').textContent()).toContain('data-quality gate passed');
  });

  it('opens a draft, points at a wrong number within a second, and clears once it is fixed', async () => {
    await page.locator(`li[data-name="drafts/${LATEST}"] .open`).click();
    await expect.poll(() => page.locator('#check-summary').textContent(), SOON).toContain('0 error(s)');
    await find(page, '2,620.99<!--fact:RUT.close-->');
    // The selection ends after the chip; one step left puts its end before the (atomic) mark.
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type('2,630.99');
    // The bound, from the last keystroke (the check waits for typing to pause, 250 ms).
    const typed = Date.now();
    const error = page.locator('.cm-lintRange-error');
    await error.first().waitFor({ timeout: 5000 });
    const seenAfter = Date.now() - typed;
    // The diagnostic sits on the number typed, in the body's first sentence, and nowhere else.
    expect(await error.count()).toBe(1);
    expect(await error.textContent()).toBe('2,630.99');
    expect(await error.locator('xpath=ancestor::div[1]').textContent()).toContain(
      'The Russell 2000 slid 1.6%',
    );
    expect(seenAfter).toBeLessThan(1000);
    // Its tooltip names the rule and says what to write.
    await error.hover();
    const tooltip = page.locator('.cm-tooltip-lint');
    await tooltip.waitFor(SOON);
    expect(await tooltip.locator('.cm-diagnosticSource').first().textContent()).toBe(
      'wirecopy:number-mismatch',
    );
    expect(await tooltip.textContent()).toContain('Fix: Write 2,620.99');
    // The one-click fix writes the fact's value in place of the wrong number.
    await tooltip.getByRole('button', { name: 'Use 2,620.99' }).click();
    await expect.poll(() => error.count(), SOON).toBe(0);
    await page.mouse.move(0, 0);
    expect(await page.locator('#check-summary').textContent()).toContain('0 error(s)');
  });

  it('inserts a fact from the panel with its mark, and marks a hand-sourced number', async () => {
    await page.locator('#fact-search').fill('RUT.return.ytd');
    const fact = page.locator('button.fact[data-fact="RUT.return.ytd"]');
    expect(await fact.textContent()).toBe('5.6%');
    await find(page, 'sessions from now.');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' The Russell 2000 is up ');
    await fact.click();
    await page.keyboard.type(' for the year.');
    expect(await savedText(page, latestFile())).toContain(
      'is up 5.6%<!--fact:RUT.return.ytd--> for the year.',
    );

    await page.keyboard.type(' Small-cap funds drew 1.2 billion dollars last week.');
    await find(page, '1.2 billion');
    await page.locator('#sourced').click();
    await page.locator('#sourced-source').fill('EPFR');
    await page.locator('#sourced-date').fill('2026-02-20');
    await page.locator('#sourced-ok').click();
    // The dialog's close event (which writes the mark) is a queued task: saving before the chip
    // shows would save the text without the mark, which is what an editor would see too.
    await expect.poll(() => page.locator('.cm-content .cm-mark-sourced').count(), SOON).toBe(1);
    expect(await savedText(page, latestFile())).toContain(
      'drew 1.2<!--sourced: EPFR, 2026-02-20--> billion dollars last week.',
    );
    await expect.poll(() => page.locator('#check-summary').textContent(), SOON).toContain('0 error(s)');

    // The diff against the generated text shows the paragraph changed, the facts judged.
    await page.locator('[data-tab=diff]').click();
    // Added sentences on the right, in reader text (marks removed), each number judged.
    const added = page.locator('#diff tr.op-added td:last-child');
    await expect
      .poll(() => added.allTextContents(), SOON)
      .toContain('The Russell 2000 is up 5.6% for the year.');
    expect(await page.locator('#diff tr.number').allTextContents()).toContain(
      '5.6%: matches RUT.return.ytd = 5.6%',
    );
    // The page as readers see it, refreshed on save, marks invisible.
    await page.locator('[data-tab=page]').click();
    const body = page.frameLocator('#page').locator('.body');
    await expect.poll(() => body.textContent(), SOON).toContain('drew 1.2 billion dollars last week.');
    // Laid out by the site's ArticleView.astro: its byline (the default config's desk) and its
    // chart, both drawings, with the site's stylesheet showing one of them at this width.
    const frame = page.frameLocator('#page');
    expect(await frame.locator('article.piece .byline').textContent()).toBe('By The Small Caps Desk');
    expect(await frame.locator('figure.chart svg').count()).toBe(2);
    expect(await frame.locator('figure.chart svg:visible').count()).toBe(1);
  });

  it('deletes a number with its mark, and one undo brings both back', async () => {
    await find(page, '2,382.23<!--fact:RUT.sma200-->');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Backspace');
    const deleted = await savedText(page, latestFile());
    expect(deleted).toContain('200-day average of , a line');
    expect(deleted).not.toContain('<!--fact:RUT.sma200-->');
    await page.keyboard.press('Control+z');
    expect(await savedText(page, latestFile())).toContain(
      'average of 2,382.23<!--fact:RUT.sma200-->, a line',
    );
  });

  it('shows both versions when the file changed on disk since it was opened, and overwrites nothing', async () => {
    const outside = `${readFileSync(latestFile(), 'utf8')}\nA line added outside the desk.\n`;
    writeFileSync(latestFile(), outside);
    await find(page, 'on Monday');
    await page.keyboard.type('on Monday, Feb. 23');
    await page.keyboard.press('Control+s');
    const conflict = page.locator('#conflict');
    await conflict.waitFor({ state: 'visible', ...SOON });
    expect(await conflict.locator('pre.theirs').textContent()).toContain('A line added outside the desk.');
    expect(await conflict.locator('pre.mine').textContent()).toContain('on Monday, Feb. 23');
    expect(readFileSync(latestFile(), 'utf8')).toBe(outside);
    await page.locator('#take-theirs').click();
    expect(await savedText(page, latestFile())).toBe(outside);
  });

  it('counts the X post as X does and turns it red past 280', async () => {
    const count = page.locator('#count-x');
    expect(await count.getAttribute('class')).not.toContain('over');
    const x = page.locator('#post-x');
    await x.fill(`${await x.inputValue()} ${'More small-cap detail. '.repeat(8)}`);
    expect(await count.getAttribute('class')).toContain('over');
    expect(await count.textContent()).toMatch(/^\d{3}\/280 weighted$/);
    expect(Number((await count.textContent())?.split('/')[0])).toBeGreaterThan(280);
    // The field writes into the front matter the check reads.
    expect(await savedText(page, latestFile())).toContain('More small-cap detail. More small-cap detail.');
  });

  it('refuses to approve with the check errors listed, then approves into content/articles/ with review.by', async () => {
    await page.locator('#reviewer').fill('Dana Editor');
    await page.locator('#approve').click();
    const result = page.locator('#review-result');
    await expect.poll(() => result.getAttribute('class'), SOON).toContain('refused');
    expect(await result.textContent()).toContain('error wirecopy:x-too-long: The X post is');
    expect(existsSync(join(desk.ws.dir, 'content', 'articles', LATEST))).toBe(false);

    // Back under 280: the post as generated.
    const x = page.locator('#post-x');
    await x.fill((await x.inputValue()).replace(/( More small-cap detail\.)+ ?$/, ''));
    await expect.poll(() => page.locator('#count-x').getAttribute('class'), SOON).not.toContain('over');
    await page.locator('#approve').click();
    await expect.poll(() => result.textContent(), SOON).toContain(`Approved: articles/${LATEST}`);
    const article = join(desk.ws.dir, 'content', 'articles', LATEST);
    expect(existsSync(article)).toBe(true);
    const { data, content } = matter(readFileSync(article, 'utf8'));
    expect(data['status']).toBe('published');
    expect(data['review'].by).toBe('Dana Editor');
    expect(content).toContain('is up 5.6%<!--fact:RUT.return.ytd--> for the year.');
  });

  it('rejects the earlier draft with a reason', async () => {
    await page.locator(`li[data-name="drafts/${EARLIER}"] .open`).click();
    await expect.poll(() => page.locator('#piece-name').textContent(), SOON).toBe(`drafts/${EARLIER}`);
    await page.locator('#reason').fill('Superseded by the Monday wrap.');
    await page.locator('#reject').click();
    await expect.poll(() => page.locator('#review-result').getAttribute('class'), SOON).toContain('ok');
    const { data } = matter(readFileSync(join(desk.ws.dir, 'content', 'drafts', EARLIER), 'utf8'));
    expect(data['status']).toBe('rejected');
    expect(data['review'].reason).toBe('Superseded by the Monday wrap.');
  });
});
