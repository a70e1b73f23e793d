import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMime } from './mime.ts';
import { ISSUE, newsletterWorkspace, POSTAL_ADDRESS, SITE } from './support.ts';

interface Received {
  from: string;
  to: string[];
  user: unknown;
  raw: string;
}

/** An SMTP server on 127.0.0.1 that takes one login and keeps what it receives. */
async function smtpServer(options: { refuse?: string } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    secure: false,
    // No STARTTLS: the test has no certificate, and nodemailer would upgrade when offered.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'desk' && auth.password === 'p@ss word') callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address === options.refuse) {
        callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      } else {
        callback();
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const { mailFrom, rcptTo } = session.envelope;
        received.push({
          from: mailFrom ? mailFrom.address : '',
          to: rcptTo.map((r) => r.address),
          user: session.user,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    received,
    close,
    env: {
      WIRECOPY_SMTP_URL: `smtp://desk:p%40ss%20word@127.0.0.1:${port}`,
      WIRECOPY_SMTP_FROM: 'Small Cap Desk <desk@news.example>',
    },
  };
}

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('--send-test ADDRESS', () => {
  it('sends the issue as multipart/alternative, text and HTML, to that address only', async () => {
    const server = await smtpServer();
    stop = server.close;
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--send-test', 'editor@news.example'], server.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /Test sent to editor@news\.example through smtp:\/\/127\.0\.0\.1:\d+ \(<.+>\)\./,
    );
    expect(run.stdout).not.toContain('p%40ss'); // the password is never printed

    expect(server.received).toHaveLength(1);
    const [mail] = server.received as [Received];
    expect(mail).toMatchObject({ from: 'desk@news.example', to: ['editor@news.example'], user: 'desk' });
    const message = parseMime(mail.raw);
    expect(message.headers.get('subject')).toBe('[Test] Small caps jump 5.5% on the week');
    expect(message.headers.get('from')).toBe('Small Cap Desk <desk@news.example>');
    // No list address configured: the sender's mailbox only, and so no one-click header (RFC 8058
    // allows it only beside an https address).
    expect(message.headers.get('list-unsubscribe')).toBe('<mailto:desk@news.example?subject=unsubscribe>');
    expect(message.headers.get('list-unsubscribe-post')).toBeUndefined();
    expect(message.headers.get('content-type')).toMatch(/^multipart\/alternative;/);
    const types = message.parts.map((p) => p.headers.get('content-type')?.split(';')[0]);
    expect(types).toEqual(['text/plain', 'text/html']); // the richest last: clients show the last one they can
    const [text, html] = message.parts as [(typeof message.parts)[0], (typeof message.parts)[0]];
    expect(text.body).toBe(readFileSync(join(ws.outDir, 'email.txt'), 'utf8'));
    expect(html.body).toBe(readFileSync(join(ws.outDir, 'email.html'), 'utf8'));
    expect(html.body).toContain(`utm_campaign=${ISSUE}`);
  });

  it('with newsletter.unsubscribeUrl: List-Unsubscribe names it first, and List-Unsubscribe-Post asks for one click', async () => {
    const server = await smtpServer();
    stop = server.close;
    const ws = newsletterWorkspace();
    const unsubscribe = 'https://lists.news.example/unsubscribe?list=smallcaps';
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({
        publication: { name: 'Small Cap Desk', siteUrl: SITE },
        newsletter: { postalAddress: POSTAL_ADDRESS, unsubscribeUrl: unsubscribe },
      }),
    );
    const run = await ws.run(['newsletter', '--send-test', 'editor@news.example'], server.env);
    expect(run.code).toBe(0);
    const message = parseMime((server.received as [Received])[0].raw);
    expect(message.headers.get('list-unsubscribe')).toBe(
      `<${unsubscribe}>, <mailto:desk@news.example?subject=unsubscribe>`,
    );
    expect(message.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    // The footer carries the postal address (CAN-SPAM).
    const html = readFileSync(join(ws.outDir, 'email.html'), 'utf8');
    expect(html).toContain(`Small Cap Desk · ${POSTAL_ADDRESS}`);
  });

  it('without newsletter.postalAddress: exit 2, names the config field, sends and renders nothing', async () => {
    const server = await smtpServer();
    stop = server.close;
    const ws = newsletterWorkspace();
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({ publication: { name: 'Small Cap Desk', siteUrl: SITE } }),
    );
    const run = await ws.run(['newsletter', '--send-test', 'editor@news.example'], server.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('(newsletter.postalAddress)');
    expect(server.received).toEqual([]);
    expect(existsSync(join(ws.dir, '.wirecopy', 'newsletter'))).toBe(false);
  });

  it('without WIRECOPY_SMTP_URL and WIRECOPY_SMTP_FROM: exit 2, names both, renders nothing', async () => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--send-test', 'editor@news.example']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('A test send needs an SMTP server, and it is not configured.');
    expect(run.stderr).toContain('set WIRECOPY_SMTP_URL');
    expect(run.stderr).toContain('set WIRECOPY_SMTP_FROM');
    expect(existsSync(join(ws.dir, '.wirecopy', 'newsletter'))).toBe(false);
  });

  it.each([
    [
      { WIRECOPY_SMTP_URL: 'http://127.0.0.1:1', WIRECOPY_SMTP_FROM: 'desk@news.example' },
      'not an smtp:// or smtps:// URL',
    ],
  ])('a bad setting is a usage error: %j', async (env, message) => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--send-test', 'editor@news.example'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  it('refuses an address that is not one (exit 2)', async () => {
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--send-test', 'editor at news'], {
      WIRECOPY_SMTP_URL: 'smtp://127.0.0.1:1',
      WIRECOPY_SMTP_FROM: 'desk@news.example',
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--send-test editor at news is not an email address');
  });

  it('a recipient the server refuses: exit 1, says so, keeps the files', async () => {
    const server = await smtpServer({ refuse: 'nobody@news.example' });
    stop = server.close;
    const ws = newsletterWorkspace();
    const run = await ws.run(['newsletter', '--send-test', 'nobody@news.example'], server.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('The test email was not sent');
    expect(run.stderr).toContain('Mailbox unavailable');
    expect(run.stderr).not.toContain('p%40ss');
    expect(server.received).toEqual([]);
    expect(existsSync(join(ws.outDir, 'email.html'))).toBe(true);
  });
});
