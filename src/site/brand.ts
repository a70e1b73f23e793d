/**
 * The publication's mark: a rising line on a blue square, drawn as SVG so the header logo, the
 * favicon set and the Apple touch icon come from one drawing. resvg rasterizes the PNG sizes.
 * The icon files are drawn once into public/ (brandFiles), not by every build.
 */
import { createRequire } from 'node:module';
import { escapeHtml } from '../html-escape.ts';

export const BRAND_BLUE = '#1d4ed8';

/** The mark at any size: the path is in a 32×32 box, so small sizes stay sharp. */
export function markSvg(title?: string): string {
  const label = title ? `<title>${escapeHtml(title)}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32"${title ? ' role="img"' : ' aria-hidden="true"'}>${label}` +
    `<rect width="32" height="32" rx="6" fill="${BRAND_BLUE}"/>` +
    '<path d="M6 23l6-6 5 4 9-11" fill="none" stroke="#fff" stroke-width="3.2" stroke-linecap="round" stroke-linejoin="round"/>' +
    '<circle cx="26" cy="10" r="2.4" fill="#fff"/></svg>'
  );
}

/**
 * The mark as a PNG, `size` pixels wide. resvg (a native module) is loaded on the first call: the
 * site's pages import this file for the SVG mark, and the PNGs are drawn once, into public/.
 */
export function markPng(size: number): Uint8Array {
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  return new Resvg(markSvg(), { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/**
 * The icon files the site serves from public/, drawn from the mark: a build copies them and draws
 * nothing (the four of them were drawn on every build). `npm run brand:files` writes them again
 * after a change to the mark; test/site/brand-files.test.ts fails until it is run.
 */
export function brandFiles(): Array<{ file: string; bytes: Uint8Array }> {
  return [
    { file: 'favicon.svg', bytes: new TextEncoder().encode(markSvg()) },
    { file: 'favicon.ico', bytes: faviconIco(markPng(32), 32) },
    { file: 'apple-touch-icon.png', bytes: markPng(180) },
    { file: 'icon-512.png', bytes: markPng(512) },
  ];
}

/**
 * `/favicon.ico`, which browsers ask for whatever the page links: an ICO file holding one PNG
 * image (allowed since Windows Vista, read by every current browser). The format is a 6-byte
 * header and one 16-byte directory entry in front of the PNG.
 */
export function faviconIco(png: Uint8Array, size: number): Uint8Array {
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0); // reserved
  head.writeUInt16LE(1, 2); // type: icon
  head.writeUInt16LE(1, 4); // one image
  head.writeUInt8(size >= 256 ? 0 : size, 6); // width (0 means 256)
  head.writeUInt8(size >= 256 ? 0 : size, 7); // height
  head.writeUInt8(0, 8); // no palette
  head.writeUInt8(0, 9); // reserved
  head.writeUInt16LE(1, 10); // colour planes
  head.writeUInt16LE(32, 12); // bits per pixel
  head.writeUInt32LE(png.length, 14); // image bytes
  head.writeUInt32LE(22, 18); // image offset
  return Buffer.concat([head, png]);
}
