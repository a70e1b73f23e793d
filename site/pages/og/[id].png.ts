/**
 * `/og/<asOf>-<slug>.png`: each published piece's Open Graph image. `approve` stores it beside
 * the piece (`content/articles/<id>.og.png`, see src/site/og-file.ts), so the build only copies
 * it; a piece without one (approved before images were stored) is drawn here, through the cache.
 */
import { join } from 'node:path';
import type { APIContext } from 'astro';
import { articleId } from '../../../src/site/article-index.ts';
import { cachedOgImage } from '../../../src/site/og-cache.ts';
import { ogCard, storedOgImage } from '../../../src/site/og-file.ts';
import bold from '../../assets/fonts/DejaVuSans-Bold-Latin.ttf?inline';
import regular from '../../assets/fonts/DejaVuSans-Latin.ttf?inline';
import { type Article, publishedArticles } from '../../lib/articles.ts';
import { contentDir, ogCacheDir, publication } from '../../lib/site-config.ts';

export async function getStaticPaths() {
  const articles = await publishedArticles();
  return articles.map((article) => ({ params: { id: articleId(article.data) }, props: { article } }));
}

/** `?inline` gives a data URL: the fonts travel inside the build, wherever it runs from. */
const fonts = { regular: fromDataUrl(regular), bold: fromDataUrl(bold) };
const articlesDir = join(contentDir, 'articles');

export async function GET({ props }: APIContext<{ article: Article }>) {
  const { data, id } = props.article;
  const png =
    storedOgImage(articlesDir, id) ??
    (await cachedOgImage(ogCard(data, publication.name), fonts, ogCacheDir));
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}

function fromDataUrl(url: string): Uint8Array {
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}
