/** `/apple-touch-icon.png`: the 180-pixel icon phones use for a home-screen bookmark. */
import { markPng } from '../../src/site/brand.ts';

export function GET() {
  return new Response(markPng(180) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}
