/**
 * Reads an answer's body as a stream and stops at a cap. `response.text()` keeps whatever
 * arrives: an endless 200 grew a fetch to 7.7 GB before its time limit, and a 300 MB answer was
 * accepted. A daily series is at most a few hundred kilobytes, so anything past the cap is not
 * the data asked for, and reading further only costs memory.
 */

/** The body, or how far it got before the cap stopped it. */
export type CappedBody = { text: string } | { tooLarge: { read: number; declared: number | undefined } };

export async function readCappedBody(response: Response, maxBytes: number): Promise<CappedBody> {
  const declared = declaredLength(response.headers);
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    return { tooLarge: { read: 0, declared } };
  }
  if (response.body === null) return { text: '' };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      // Cancelling closes the connection: the server stops sending and the memory is freed.
      await reader.cancel().catch(() => {});
      return { tooLarge: { read, declared } };
    }
    chunks.push(value);
  }
  // The same decoding as response.text(): UTF-8, a byte-order mark dropped.
  return { text: new TextDecoder().decode(Buffer.concat(chunks)) };
}

function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** `8,388,608 bytes (8 MB)`: the exact figure a config takes, and the size a reader grasps. */
export function sizeText(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  const rounded = mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10;
  return `${bytes.toLocaleString('en-US')} bytes (${rounded} MB)`;
}
