/**
 * The test send: the issue to one address through an SMTP server, as multipart/alternative
 * (text and HTML), so an editor sees it in a real inbox before the list does. The server comes
 * from the environment, never from the config file, because its URL carries a password.
 */
import nodemailer from 'nodemailer';
import { Errors, WirecopyError } from '../errors.ts';

export interface SmtpSettings {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://...` (TLS from the start). */
  url: string;
  from: string;
}

export interface TestMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The list's https one-click unsubscribe address (config `newsletter.unsubscribeUrl`). */
  unsubscribeUrl?: string | undefined;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$|^[^\s@<>]+@(?:localhost|\[[0-9.]+\])$/;

export function smtpSettings(env: NodeJS.ProcessEnv): SmtpSettings {
  const url = env['WIRECOPY_SMTP_URL'];
  const from = env['WIRECOPY_SMTP_FROM'];
  const missing = [
    ...(url ? [] : ['WIRECOPY_SMTP_URL, the server: smtp://user:password@smtp.example.com:587']),
    ...(from ? [] : ['WIRECOPY_SMTP_FROM, the sender: "Wirecopy Small Caps <desk@example.com>"']),
  ];
  if (missing.length > 0 || !url || !from) {
    throw new WirecopyError(
      Errors.SmtpNotConfigured,
      'A test send needs an SMTP server, and it is not configured.',
      {
        details: missing.map((m) => `set ${m}`),
        hint: 'Set the variables above in the environment (not in the config file: the URL holds a password) and run the command again.',
      },
    );
  }
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    protocol = '';
  }
  if (protocol !== 'smtp:' && protocol !== 'smtps:') {
    throw new WirecopyError(
      Errors.SmtpNotConfigured,
      'WIRECOPY_SMTP_URL is not an smtp:// or smtps:// URL.',
      {
        hint: 'Write it as smtp://user:password@host:port; percent-encode a password that holds @, : or /.',
      },
    );
  }
  return { url, from };
}

/**
 * CAN-SPAM requires a valid postal address in commercial email: a real send refuses to go
 * without one, before anything is rendered. The export alone only warns (it may be a draft).
 */
export function requirePostalAddress(address: string | undefined): asserts address is string {
  if (address === undefined) {
    throw new WirecopyError(
      Errors.Usage,
      'A send needs the postal address of the sender, and the config has none (newsletter.postalAddress).',
      {
        hint: 'Add it to wirecopy.config.json, e.g. { "newsletter": { "postalAddress": "100 Main St., Suite 200, New York, NY 10001" } }, then run the command again.',
      },
    );
  }
}

/**
 * `List-Unsubscribe` (RFC 2369) with the list's address when configured and the sender's
 * mailbox; `List-Unsubscribe-Post` (RFC 8058, one click) only beside an https address, as Gmail
 * and Yahoo require of bulk senders. One header holding both: nodemailer's `list` option would
 * write one header per address, and inboxes read only the first.
 */
export function listHeaders(from: string, unsubscribeUrl: string | undefined): Record<string, string> {
  const mailbox = /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
  const addresses = [...(unsubscribeUrl ? [unsubscribeUrl] : []), `mailto:${mailbox}?subject=unsubscribe`];
  return {
    'List-Unsubscribe': addresses.map((a) => `<${a}>`).join(', '),
    ...(unsubscribeUrl?.startsWith('https:')
      ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {}),
  };
}

export function checkAddress(address: string): void {
  if (!ADDRESS.test(address)) {
    throw new WirecopyError(Errors.Usage, `--send-test ${address} is not an email address.`, {
      hint: 'Give one address, like --send-test editor@example.com.',
    });
  }
}

/** Where the server is, for messages: never the credentials. */
export function serverName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

export async function sendTestEmail(
  settings: SmtpSettings,
  message: TestMessage,
): Promise<{ messageId: string }> {
  // Short timeouts: a wrong host should fail in seconds, not after nodemailer's two minutes.
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    const { unsubscribeUrl, ...content } = message;
    const info = await transport.sendMail({
      from: settings.from,
      ...content,
      headers: listHeaders(settings.from, unsubscribeUrl),
    });
    return { messageId: info.messageId };
  } catch (cause) {
    throw new WirecopyError(
      Errors.SendFailed,
      `The test email to ${message.to} was not sent through ${serverName(settings.url)}.`,
      {
        details: [cause instanceof Error ? cause.message : String(cause)],
        hint: 'Check WIRECOPY_SMTP_URL (host, port, user, password) and that the server accepts mail from WIRECOPY_SMTP_FROM; the files were written and can be sent again with --send-test.',
        cause,
      },
    );
  } finally {
    transport.close();
  }
}
