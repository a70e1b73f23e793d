/**
 * The site's own renderer, inside the desk process: the article component (site/components/
 * ArticleView.astro) loaded through a Vite server in middleware mode with Astro's plugins, and
 * rendered with Astro's Container API; the body through the markdown processor Astro's content
 * layer uses for the site's pieces. Nothing of the page is laid out by hand here, so the reader
 * view cannot drift from the site.
 *
 * Loading Astro and Vite costs over a second: it happens on the first reader request, never at
 * desk start-up, and once per desk (later saves reuse the loaded component and processor).
 */
import { fileURLToPath } from 'node:url';
import type { AstroConfig } from 'astro';
import type { MarkdownRenderer } from 'astro/markdown';
import type { PluginOption, ViteDevServer } from 'vite';
import type { FrontMatter } from '../content/front-matter.ts';

/** The package root: site/ and astro's plugins are found from here, whatever folder the desk runs in. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ARTICLE_VIEW = '/site/components/ArticleView.astro';
/** The site's body step (sanitizer, fact marks), loaded as the site loads it: src/ may not import site/. */
const ARTICLE_HTML = '/site/lib/article-html.ts';

export interface SiteRenderer {
  /** The article element as the site prints it, for front matter the site's schema accepted. */
  article(props: { data: unknown; html: string; markdown: string }): Promise<string>;
  /** The body's markdown as the site's content layer renders it (before the site's sanitizer). */
  markdown(body: string): Promise<string>;
  /** site/lib/article-html.ts's `bodyHtml`: the rendered body sanitized, its fact marks handled. */
  bodyHtml: BodyHtml;
  close(): Promise<void>;
}

/** The signature of site/lib/article-html.ts's `bodyHtml` (a type import would put site/ in the package build). */
type BodyHtml = (
  entry: { id: string; rendered?: { html: string } | undefined },
  options: { highlightFacts: boolean; facts?: FrontMatter['facts'] | undefined; asOf?: string | undefined },
) => string;

type Component = Parameters<
  Awaited<ReturnType<typeof import('astro/container').experimental_AstroContainer.create>>['renderToString']
>[0];

/**
 * Starts the renderer. The site's astro.config.mjs is not loaded: it checks the publication
 * address and sets up the build's integrations (search index, images), none of which renders an
 * article; its markdown settings are Astro's defaults, which this resolves the same way.
 */
export async function startSiteRenderer(): Promise<SiteRenderer> {
  const [{ createServer }, { getViteConfig }, { experimental_AstroContainer }] = await Promise.all([
    import('vite'),
    import('astro/config'),
    import('astro/container'),
  ]);
  // The resolved config (Astro's defaults and schema), handed over by Astro's own hook.
  let resolved: AstroConfig | undefined;
  const inline = {
    root: ROOT,
    srcDir: './site',
    configFile: false as const,
    logLevel: 'error' as const,
    // As the site's own config: no toolbar, so no source annotations on the markup.
    devToolbar: { enabled: false },
    integrations: [
      {
        name: 'wirecopy-desk-reader',
        hooks: {
          'astro:config:done': ({ config }: { config: AstroConfig }) => {
            resolved = config;
          },
        },
      },
    ],
  };
  const configure = getViteConfig(
    {
      root: ROOT,
      appType: 'custom',
      logLevel: 'error',
      // The desk serves nothing through Vite and the components do not change while it runs.
      server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    },
    inline,
  );
  const viteConfig = await (configure as (env: { mode: string; command: string }) => Promise<object>)({
    mode: 'development',
    command: 'serve',
  });
  if (!resolved) throw new Error('Astro did not run the astro:config:done hook of the desk reader.');
  const { markdown, image } = resolved;
  const vite: ViteDevServer = await createServer({
    ...viteConfig,
    // Astro's dev-server app (routes, content collections, its process-wide rejection handler)
    // serves pages; the desk only renders one component, so it is left out.
    plugins: [
      ...withoutPlugin((viteConfig as { plugins?: PluginOption[] }).plugins, 'astro:server'),
      {
        // Nothing goes to a browser: no dependency pre-bundling for one (Astro's asks for the dev
        // toolbar's; it would write into the installed package's node_modules/.vite).
        name: 'wirecopy-desk-no-prebundle',
        enforce: 'post',
        configEnvironment(_name, options) {
          options.optimizeDeps = { noDiscovery: true, include: [] };
        },
      },
    ],
    configFile: false,
  });
  try {
    // The same call as Astro's content layer makes for a collection's markdown.
    const processor: MarkdownRenderer = await markdown.processor.createRenderer({
      image,
      syntaxHighlight: markdown.syntaxHighlight,
      shikiConfig: markdown.shikiConfig,
      gfm: markdown.gfm,
      smartypants: markdown.smartypants,
    });
    const view = (await vite.ssrLoadModule(ARTICLE_VIEW)) as { default: Component };
    const { bodyHtml } = (await vite.ssrLoadModule(ARTICLE_HTML)) as { bodyHtml: BodyHtml };
    const container = await experimental_AstroContainer.create();
    return {
      article: (props) => container.renderToString(view.default, { props }),
      markdown: async (body) => (await processor.render(body, { frontmatter: {} })).code,
      bodyHtml,
      close: () => vite.close(),
    };
  } catch (error) {
    await vite.close();
    throw error;
  }
}

/** The plugins, nested as Vite allows, but for the one named. */
function withoutPlugin(plugins: PluginOption[] | undefined, name: string): PluginOption[] {
  return (plugins ?? [])
    .flat(Number.POSITIVE_INFINITY as 1)
    .filter((plugin) => !(plugin && typeof plugin === 'object' && 'name' in plugin && plugin.name === name));
}
