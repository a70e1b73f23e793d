/** `/og/<asOf>-<slug>.png`: each published piece's Open Graph image, made at build time. */
import type { APIContext } from 'astro';
import { formatDate } from '../../../src/facts/format.ts';
import { articleId } from '../../../src/site/article-index.ts';
import { cachedOgImage } from '../../../src/site/og-cache.ts';
import bold from '../../assets/fonts/DejaVuSans-Bold-Latin.ttf?inline';
import regular from '../../assets/fonts/DejaVuSans-Latin.ttf?inline';
import { type Article, publishedArticles } from '../../lib/articles.ts';
import { ogCacheDir, publication } from '../../lib/site-config.ts';

export async function getStaticPaths() {
  const articles = await publishedArticles();
  return articles.map((article) => ({ params: { id: articleId(article.data) }, props: { article } }));
}

/** `?inline` gives a data URL: the fonts travel inside the build, wherever it runs from. */
const fonts = { regular: fromDataUrl(regular), bold: fromDataUrl(bold) };

export async function GET({ props }: APIContext<{ article: Article }>) {
  const { data } = props.article;
  const png = await cachedOgImage(
    {
      title: data.title,
      summary: data.summary,
      stamp: `Data as of the ${formatDate(data.asOf)} close`,
      publication: publication.name,
      demo: data.dataset === 'demo',
    },
    fonts,
    ogCacheDir,
  );
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
}

function fromDataUrl(url: string): Uint8Array {
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}
