import { describe, expect, it } from 'vitest';
import { readCappedBody, sizeText } from '../../src/fetchers/capped-body.ts';

/** A body sent in `chunks`, without a Content-Length, as a chunked answer would be. */
function chunked(chunks: string[], onCancel?: () => void): Response {
  const encoder = new TextEncoder();
  let i = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
    cancel: onCancel,
  });
  return new Response(stream);
}

describe('readCappedBody', () => {
  it('reads a body of exactly the cap, and refuses one byte more', async () => {
    expect(await readCappedBody(chunked(['12345', '67890']), 10)).toEqual({ text: '1234567890' });
    expect(await readCappedBody(chunked(['12345', '678901']), 10)).toEqual({
      tooLarge: { read: 11, declared: undefined },
    });
  });

  it('stops reading at the cap and cancels the stream: an endless body ends', async () => {
    let cancelled = false;
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024));
      },
      cancel() {
        cancelled = true;
      },
    });
    const read = await readCappedBody(new Response(endless), 4096);
    // 4 chunks of 1 KB fit; the 5th (5,120 bytes read) passes the cap.
    expect(read).toEqual({ tooLarge: { read: 5120, declared: undefined } });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(10);
  });

  it('refuses from the Content-Length alone, before reading', async () => {
    let cancelled = false;
    const response = chunked(['x'], () => {
      cancelled = true;
    });
    const declared = new Response(response.body, { headers: { 'content-length': '314572800' } });
    expect(await readCappedBody(declared, 8 * 1024 * 1024)).toEqual({
      tooLarge: { read: 0, declared: 314_572_800 },
    });
    expect(cancelled).toBe(true);
  });

  it('decodes UTF-8 split across chunks and drops a byte-order mark, as response.text() does', async () => {
    const bytes = new TextEncoder().encode('\uFEFFcafé 2,467.70');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        // Split inside the two bytes of "é" (0xC3 0xA9).
        controller.enqueue(bytes.slice(0, 7));
        controller.enqueue(bytes.slice(7));
        controller.close();
      },
    });
    expect(await readCappedBody(new Response(stream), 1000)).toEqual({ text: 'café 2,467.70' });
  });

  it('reads an empty body as empty text', async () => {
    expect(await readCappedBody(new Response(null, { status: 204 }), 10)).toEqual({ text: '' });
  });
});

describe('sizeText', () => {
  it.each([
    // 8 × 1024 × 1024; 300 × 1024 × 1024; 100,000 / 1,048,576 = 0.095 → 0.1.
    [8_388_608, '8,388,608 bytes (8 MB)'],
    [314_572_800, '314,572,800 bytes (300 MB)'],
    [100_000, '100,000 bytes (0.1 MB)'],
  ])('%i is %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
