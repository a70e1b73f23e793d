/**
 * The desk's safety rules over HTTP, on the real-data desk of desk-fixture.ts: a save never
 * loses an edit (two tabs, a file changed on disk), off loopback every request needs the token,
 * a change needs the page's origin and CSRF token, and no name leads out of the content folder.
 */
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffAnswer } from '../../src/desk/diff-answer.ts';
import { deskAccess } from '../../src/desk/security.ts';
import { isWirecopyError } from '../../src/errors.ts';
import { HAS_MARKET_DATA, type Workspace } from '../support/cli.ts';
import { type DeskFixture, EARLIER, LATEST, openDesk, realDataWorkspace } from './desk-fixture.ts';

interface Client {
  get(path: string): Promise<{ status: number; json: Record<string, unknown> }>;
  send(
    method: string,
    path: string,
    body: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; json: Record<string, unknown> }>;
}

/** A browser tab of the desk: the page's CSRF token, its origin on every change. */
async function tab(desk: DeskFixture, auth: Record<string, string> = {}): Promise<Client> {
  const page = await (await fetch(desk.url, { headers: auth })).text();
  const csrf = /name="wirecopy-csrf" content="([0-9a-f]+)"/.exec(page)?.[1] ?? '';
  const answer = async (response: Response) => ({
    status: response.status,
    json: (await response.json()) as Record<string, unknown>,
  });
  return {
    get: async (path) => answer(await fetch(desk.origin + path, { headers: auth })),
    send: async (method, path, body, headers = {}) =>
      answer(
        await fetch(desk.origin + path, {
          method,
          headers: {
            'content-type': 'application/json',
            origin: desk.origin,
            'x-wirecopy-csrf': csrf,
            ...auth,
            ...headers,
          },
          body: JSON.stringify(body),
        }),
      ),
  };
}

const piece = (name: string) => `/api/piece?name=${encodeURIComponent(name)}`;

describe.skipIf(!HAS_MARKET_DATA)('the desk over HTTP', () => {
  let ws: Workspace;
  let desk: DeskFixture;
  const draftFile = (name: string) => join(ws.dir, 'content', 'drafts', name);

  beforeAll(async () => {
    ws = await realDataWorkspace();
    desk = await openDesk(ws);
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
  });

  it('two tabs on one draft: the second save is a conflict carrying the first, and no edit is lost', async () => {
    const [a, b] = [await tab(desk), await tab(desk)];
    const openedA = (await a.get(piece(`drafts/${LATEST}`))).json as { text: string; version: string };
    const openedB = (await b.get(piece(`drafts/${LATEST}`))).json as { text: string; version: string };
    expect(openedB.version).toBe(openedA.version);
    const editA = openedA.text.replace('on Monday', 'on Monday, Feb. 23');
    const editB = openedB.text.replace('ahead of the small-cap index', 'ahead of small caps');

    const savedA = await a.send('PUT', '/api/piece', {
      name: `drafts/${LATEST}`,
      text: editA,
      version: openedA.version,
    });
    expect(savedA.status).toBe(200);
    const savedB = await b.send('PUT', '/api/piece', {
      name: `drafts/${LATEST}`,
      text: editB,
      version: openedB.version,
    });
    expect(savedB.status).toBe(409);
    const conflict = savedB.json['conflict'] as { text: string; version: string };
    expect(conflict.text).toBe(editA);
    expect(readFileSync(draftFile(LATEST), 'utf8')).toBe(editA);

    // Tab B merges both edits onto the version it was shown, and saves.
    const merged = conflict.text.replace('ahead of the small-cap index', 'ahead of small caps');
    const again = await b.send('PUT', '/api/piece', {
      name: `drafts/${LATEST}`,
      text: merged,
      version: conflict.version,
    });
    expect(again.status).toBe(200);
    const onDisk = readFileSync(draftFile(LATEST), 'utf8');
    expect(onDisk).toContain('on Monday, Feb. 23');
    expect(onDisk).toContain('ahead of small caps');
  });

  it('a save after the file changed on disk is refused with both versions, the disk version kept', async () => {
    const client = await tab(desk);
    const opened = (await client.get(piece(`drafts/${EARLIER}`))).json as { text: string; version: string };
    const outside = `${opened.text}\nA line added by another editor.\n`;
    writeFileSync(draftFile(EARLIER), outside);
    const save = await client.send('PUT', '/api/piece', {
      name: `drafts/${EARLIER}`,
      text: opened.text.replace('The Russell 2000', 'Russell 2000'),
      version: opened.version,
    });
    expect(save.status).toBe(409);
    expect((save.json['conflict'] as { text: string }).text).toBe(outside);
    expect(readFileSync(draftFile(EARLIER), 'utf8')).toBe(outside);
  });

  it('refuses a change from another origin, or without the CSRF token (403), and changes nothing', async () => {
    const client = await tab(desk);
    const before = readFileSync(draftFile(EARLIER), 'utf8');
    const opened = (await client.get(piece(`drafts/${EARLIER}`))).json as { version: string };
    const body = { name: `drafts/${EARLIER}`, text: 'overwritten', version: opened.version };
    const crossOrigin = await client.send('PUT', '/api/piece', body, { origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.json['error']).toEqual([
      "A change must come from the desk's own page (Origin http://evil.example).",
    ]);
    const noCsrf = await client.send(
      'POST',
      '/api/reject',
      { name: `drafts/${EARLIER}`, reason: 'x' },
      {
        'x-wirecopy-csrf': 'f'.repeat(48),
      },
    );
    expect(noCsrf.status).toBe(403);
    expect(readFileSync(draftFile(EARLIER), 'utf8')).toBe(before);
  });

  it('refuses names that leave the content folder: ../, absolute paths, symlinks out', async () => {
    const client = await tab(desk);
    for (const name of [
      'drafts/../../market.db',
      '../content/drafts/x.md',
      '/etc/passwd',
      'inputs/notes.yaml',
    ]) {
      const answer = await client.get(piece(name));
      expect(answer.status, name).toBe(400);
      expect(String((answer.json['error'] as string[])[0])).toContain('is not a piece of the content folder');
    }
    const secret = join(tmpdir(), `desk-outside-${process.pid}.md`);
    writeFileSync(secret, 'SECRET-OUTSIDE');
    symlinkSync(secret, draftFile('2026-01-01-outside.md'));
    const viaLink = await client.get(piece('drafts/2026-01-01-outside.md'));
    expect(viaLink.status).toBe(403);
    expect(JSON.stringify(viaLink.json)).not.toContain('SECRET-OUTSIDE');
    const save = await client.send('PUT', '/api/piece', { name: 'drafts/../x.md', text: 'x', version: 'x' });
    expect(save.status).toBe(400);
  });

  it("renders the page as readers see it through the site's sanitizer: no script, no handler, a CSP that allows none", async () => {
    const client = await tab(desk);
    const opened = (await client.get(piece(`drafts/${LATEST}`))).json as { text: string; version: string };
    const hostile = opened.text.replace(
      'on Monday',
      'on Monday<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>',
    );
    expect(
      (
        await client.send('PUT', '/api/piece', {
          name: `drafts/${LATEST}`,
          text: hostile,
          version: opened.version,
        })
      ).status,
    ).toBe(200);
    const response = await fetch(`${desk.origin}/page?name=${encodeURIComponent(`drafts/${LATEST}`)}`);
    const html = await response.text();
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('The Russell 2000 slid');
    expect(html).toContain('<h1>Russell 2000 slides 1.6% to 2,620.99</h1>');
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
  });

  it('shows a piece whose front matter the site refuses as the preview does: what is wrong, the title, the body', async () => {
    const text = readFileSync(draftFile(LATEST), 'utf8');
    const broken = text.replace(/^summary: .*\n/m, '');
    expect(broken).not.toBe(text);
    writeFileSync(draftFile('2026-02-23-no-summary.md'), broken);
    const response = await fetch(
      `${desk.origin}/page?name=${encodeURIComponent('drafts/2026-02-23-no-summary.md')}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<strong>Front matter the site refuses</strong>');
    expect(html).toMatch(/<li>summary: [^<]+<\/li>/);
    expect(html).toContain('<h1>Russell 2000 slides 1.6% to 2,620.99</h1>');
    expect(html).toContain('The Russell 2000 slid');
  });

  it('answers the diff as JSON-safe data: the added sentence in reader text, its number judged against its fact', async () => {
    const client = await tab(desk);
    const opened = (await client.get(piece(`drafts/${LATEST}`))).json as { text: string; version: string };
    const sentence = 'The Russell 2000 is up 5.6% for the year.';
    const edited = opened.text.replace('sessions from now.', `sessions from now. ${sentence}`);
    expect(edited).not.toBe(opened.text);
    const saved = await client.send('PUT', '/api/piece', {
      name: `drafts/${LATEST}`,
      text: edited,
      version: opened.version,
    });
    expect(saved.status).toBe(200);
    const answer = await client.get(`/api/diff?name=${encodeURIComponent(`drafts/${LATEST}`)}`);
    expect(answer.status).toBe(200);
    const result = answer.json['result'] as DiffAnswer;
    const body = result.sections.find((s) => s.name === 'body');
    const added = body?.ops.find((op) => op.kind === 'added' && op.after?.text === sentence);
    // RUT.return.ytd is 5.6% in the draft's facts (its summary: "small caps are up 5.6%").
    expect(added?.numbers).toEqual([
      {
        text: '5.6%',
        verdict: { kind: 'matches', fact: { id: 'RUT.return.ytd', display: '5.6%' }, shown: '5.6%' },
        problems: [],
      },
    ]);
    // Only the DTO's fields travel: no generated or current text, no parsed claims or marks.
    expect(Object.keys(result)).toEqual(['sections']);
    expect(Object.keys(added ?? {}).sort()).toEqual(['after', 'kind', 'numbers']);
    expect(Object.keys(added?.after ?? {}).sort()).toEqual(['paragraph', 'text']);
  });

  it('redraft never overwrites an edited draft: the new text is a revision, listed beside it', async () => {
    const client = await tab(desk);
    // The earlier test's conflict left EARLIER edited on disk: redraft its session.
    const answer = await client.send('POST', '/api/draft', { asOf: '2026-02-20', story: 'daily-wrap' });
    expect(answer.status).toBe(200);
    expect(answer.json['result']).toEqual([
      {
        name: 'drafts/2026-02-20-daily-wrap-r2.md',
        outcome: 'revision',
        title: expect.any(String),
        beside: `drafts/${EARLIER}`,
      },
    ]);
    expect(readFileSync(draftFile(EARLIER), 'utf8')).toContain('A line added by another editor.');
    const day = (await client.get('/api/day')).json as { drafts: { name: string; revisionOf?: string }[] };
    expect(day.drafts.find((d) => d.name === 'drafts/2026-02-20-daily-wrap-r2.md')?.revisionOf).toBe(
      `drafts/${EARLIER}`,
    );
  });

  it('wirecopy desk: another host without the token, or a bad port, is a usage error (exit 2) before listening', async () => {
    const offLoopback = await ws.run(['desk', '--host', '0.0.0.0']);
    expect(offLoopback.code).toBe(2);
    expect(offLoopback.stderr).toContain(
      '--host 0.0.0.0 would open the desk to other machines without a token.',
    );
    const badPort = await ws.run(['desk', '--port', 'eighty']);
    expect(badPort.code).toBe(2);
    expect(badPort.stderr).toContain('--port eighty is not a port number.');
  });

  it('off loopback: refuses to start without a token, and answers 401 to any request without it', async () => {
    let refused: unknown;
    try {
      deskAccess('0.0.0.0', {});
    } catch (error) {
      refused = error;
    }
    expect(isWirecopyError(refused) && refused.exitCode).toBe(2);

    const token = 'a'.repeat(8) + 'b'.repeat(24);
    const open = await openDesk(ws, { host: '0.0.0.0', env: { WIRECOPY_DESK_TOKEN: token } });
    try {
      const url = open.url.replace('0.0.0.0', '127.0.0.1');
      for (const path of ['/', '/api/day', '/desk.js', piece(`drafts/${LATEST}`)]) {
        const response = await fetch(url.replace(/\/$/, '') + path);
        expect(response.status, path).toBe(401);
      }
      const wrong = await fetch(`${url}api/day`, { headers: { authorization: `Bearer ${'c'.repeat(32)}` } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${url}api/day`, { headers: { authorization: `Bearer ${token}` } });
      expect(right.status).toBe(200);
    } finally {
      await open.close();
    }
  });
});
