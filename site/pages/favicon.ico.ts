/** `/favicon.ico`: browsers request it whatever the page links; a 32-pixel PNG inside an ICO. */
import { faviconIco, markPng } from '../../src/site/brand.ts';

export function GET() {
  const ico = faviconIco(markPng(32), 32);
  return new Response(ico as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/x-icon' } });
}
