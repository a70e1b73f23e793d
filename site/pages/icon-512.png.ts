/** `/icon-512.png`: the large mark, the publisher logo of the JSON-LD and the manifest size. */
import { markPng } from '../../src/site/brand.ts';

export function GET() {
  return new Response(markPng(512) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}
