/**
 * Just enough MIME to read back what the test SMTP server received (mailparser is not a
 * dependency): headers, one level of multipart, quoted-printable and base64 bodies, encoded words.
 */

export interface MimePart {
  headers: Map<string, string>;
  /** The decoded body, as UTF-8 text with LF line ends. */
  body: string;
  parts: MimePart[];
}

export function parseMime(raw: string): MimePart {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const rest = raw.slice(split + 4);
  const headers = new Map<string, string>();
  // Long headers are folded onto lines that start with whitespace.
  for (const line of head.replace(/\r\n(?=[ \t])/g, '').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith('multipart/') && boundary) {
    // The line break before a boundary belongs to the boundary, not to the part.
    const chunks = `\r\n${rest}`.split(`\r\n--${boundary}`).slice(1, -1);
    return { headers, body: '', parts: chunks.map((chunk) => parseMime(chunk.replace(/^\r\n/, ''))) };
  }
  return { headers, body: decodeBody(rest, headers.get('content-transfer-encoding') ?? '7bit'), parts: [] };
}

function decodeBody(body: string, encoding: string): string {
  let bytes: Buffer;
  if (/quoted-printable/i.test(encoding)) {
    const unwrapped = body.replace(/=\r\n/g, '');
    bytes = Buffer.from(
      unwrapped.replace(/=([0-9A-F]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      ),
      'latin1',
    );
  } else if (/base64/i.test(encoding)) {
    bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
  } else {
    bytes = Buffer.from(body, 'utf8');
  }
  return bytes.toString('utf8').replace(/\r\n/g, '\n');
}

/** RFC 2047 `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=` words, as in a subject with non-ASCII text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) =>
                String.fromCharCode(Number.parseInt(hex, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}
