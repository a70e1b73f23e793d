/**
 * `/og/<asOf>-<slug>.png`: each published piece's Open Graph image. `approve` stores it beside
 * the piece (`content/articles/<id>.og.png`, see src/site/og-file.ts), and a build links the
 * stored ones into og/ (src/site/og-integration.ts); a piece without one (approved before images
 * were stored) is drawn here, through the cache.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { articleId } from '../../../src/content/article-id.ts';
import { storedOgImagePath } from '../../../src/site/og-integration.ts';
import bold from '../../assets/fonts/DejaVuSans-Bold-Latin.ttf?inline';
import regular from '../../assets/fonts/DejaVuSans-Latin.ttf?inline';
import { type Article, publishedArticles } from '../../lib/articles.ts';
import { contentDir, ogCacheDir, publication } from '../../lib/site-config.ts';

export async function getStaticPaths() {
  const articles = await publishedArticles();
  // A build links the stored images in after the pages (og-integration.ts); the dev server has
  // no such step and serves them all here.
  const drawn = import.meta.env.DEV
    ? articles
    : articles.filter((a) => !existsSync(storedOgImagePath(articlesDir, articleId(a.data))));
  return drawn.map((article) => ({ params: { id: articleId(article.data) }, props: { article } }));
}

/** `?inline` gives a data URL: the fonts travel inside the build, wherever it runs from. */
const fonts = { regular: fromDataUrl(regular), bold: fromDataUrl(bold) };
const articlesDir = join(contentDir, 'articles');

export async function GET({ props }: APIContext<{ article: Article }>) {
  const { data, id } = props.article;
  // Loaded here, not with the page: a build whose pieces all carry their image never draws one,
  // and satori and resvg stay unloaded.
  const { cachedOgImage } = await import('../../../src/site/og-cache.ts');
  const { ogCard, storedOgImage } = await import('../../../src/site/og-file.ts');
  const png =
    storedOgImage(articlesDir, id) ??
    (await cachedOgImage(ogCard(data, publication.name), fonts, ogCacheDir));
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}

function fromDataUrl(url: string): Uint8Array {
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}
