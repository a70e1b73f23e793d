/**
 * Each piece's Open Graph image, drawn once when the piece is approved and kept beside it as
 * `content/articles/<id>.og.png`. Beside the piece, not in public/ or a build cache: it is
 * committed and deployed with the markdown, replaced with it (`approve --replace`), and a fresh
 * clone's site build copies it instead of drawing it (drawing was 80 s of a 104 s cold build of
 * 1,000 pieces). The site draws only an image that is missing (a piece approved before images
 * were stored), through the build cache (og-cache.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { FrontMatter } from '../content/front-matter.ts';
import { formatDate } from '../facts/format.ts';
import { writeFileAtomic } from '../io/atomic-write.ts';
import { frontMatterEngine } from '../yaml-data.ts';
import type { OgCard, OgFonts } from './og-image.ts';

/** `content/articles/2025-11-28-daily-wrap.md` → `content/articles/2025-11-28-daily-wrap.og.png`. */
export function ogImagePath(articlePath: string): string {
  return articlePath.replace(/\.md$/, '.og.png');
}

/** The stored image of the piece with URL id `id`, or undefined when none was stored. */
export function storedOgImage(articlesDir: string, id: string): Uint8Array | undefined {
  try {
    return readFileSync(join(articlesDir, `${id}.og.png`));
  } catch {
    return undefined;
  }
}

/** What the image shows of a piece: the same on the stored image and on one the build draws. */
export function ogCard(
  data: Pick<FrontMatter, 'title' | 'summary' | 'asOf' | 'dataset'>,
  publication: string,
): OgCard {
  return {
    title: data.title,
    summary: data.summary,
    stamp: `Data as of the ${formatDate(data.asOf)} close`,
    publication,
    demo: data.dataset === 'demo',
  };
}

const FONTS = new URL('../../site/assets/fonts/', import.meta.url);

let fonts: OgFonts | undefined;
function bundledFonts(): OgFonts {
  fonts ??= {
    regular: readFileSync(new URL('DejaVuSans-Latin.ttf', FONTS)),
    bold: readFileSync(new URL('DejaVuSans-Bold-Latin.ttf', FONTS)),
  };
  return fonts;
}

/**
 * Draws the image of the article at `articlePath` from its front matter and stores it beside
 * it, complete or absent. Returns the image's path.
 */
export async function writeArticleOgImage(articlePath: string, publication: string): Promise<string> {
  const { data } = matter(readFileSync(articlePath, 'utf8'), { engines: { yaml: frontMatterEngine } });
  // Loaded here, not at the top: satori and resvg are large, and only approve draws.
  const { renderOgImage } = await import('./og-image.ts');
  const png = await renderOgImage(ogCard(data as FrontMatter, publication), bundledFonts());
  const path = ogImagePath(articlePath);
  writeFileAtomic(path, png);
  return path;
}
