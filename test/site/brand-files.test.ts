/**
 * The icon files in public/ are the mark as src/site/brand.ts draws it today: a build copies them
 * and draws nothing, so a changed mark must be drawn again (`npm run brand:files`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { brandFiles } from '../../src/site/brand.ts';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

describe('the icon files in public/', () => {
  it.each(brandFiles().map(({ file, bytes }) => [file, bytes] as const))(
    '%s is the mark as drawn now (else run npm run brand:files)',
    (file, bytes) => {
      expect(Buffer.from(readFileSync(`${PUBLIC}${file}`)).equals(Buffer.from(bytes))).toBe(true);
    },
  );

  it('are PNGs of the sizes the pages link, and an ICO holding the 32-pixel one', () => {
    const byName = new Map(brandFiles().map(({ file, bytes }) => [file, Buffer.from(bytes)]));
    // A PNG's width and height are the big-endian words at bytes 16 and 20 (the IHDR chunk).
    const size = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(size(byName.get('apple-touch-icon.png')!)).toEqual([180, 180]);
    expect(size(byName.get('icon-512.png')!)).toEqual([512, 512]);
    const ico = byName.get('favicon.ico')!;
    expect([ico.readUInt16LE(2), ico.readUInt8(6)]).toEqual([1, 32]); // type icon, 32 pixels wide
    expect(size(ico.subarray(22))).toEqual([32, 32]);
  });
});
