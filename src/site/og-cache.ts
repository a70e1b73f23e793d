/**
 * Open Graph images kept between builds, by a hash of what is drawn: a site rebuilt every day
 * renders only the new pieces' images. Encoding a 1200×630 PNG is most of a piece's build time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { type OgCard, type OgFonts, renderOgImage } from './og-image.ts';

/** Bump when renderOgImage draws differently: cached images of the old layout are then ignored. */
const LAYOUT_VERSION = 1;

const fontHashes = new WeakMap<OgFonts, string>();

export async function cachedOgImage(card: OgCard, fonts: OgFonts, cacheDir: string): Promise<Uint8Array> {
  const key = createHash('sha256')
    .update(JSON.stringify({ card, layout: LAYOUT_VERSION, fonts: fontHash(fonts) }))
    .digest('hex');
  const file = join(cacheDir, `${key}.png`);
  try {
    return readFileSync(file);
  } catch {
    const png = await renderOgImage(card, fonts);
    mkdirSync(cacheDir, { recursive: true });
    // Complete or absent, so a build running alongside never reads half an image.
    writeFileAtomic(file, png);
    return png;
  }
}

function fontHash(fonts: OgFonts): string {
  let hash = fontHashes.get(fonts);
  if (hash === undefined) {
    const digest = createHash('sha256');
    for (const data of [fonts.regular, fonts.bold]) digest.update(new Uint8Array(data));
    hash = digest.digest('hex');
    fontHashes.set(fonts, hash);
  }
  return hash;
}
