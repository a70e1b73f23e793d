/**
 * The pages only the editors' preview has (`WIRECOPY_PREVIEW=1`, served by `wirecopy preview`):
 * the drafts, each with its review checks. They live outside `site/pages/` and are added here,
 * so a publication build does not bundle them: their checks pull in the whole review pipeline
 * (unified, retext, twitter-text), which no published page runs. The home page's draft list is
 * left out of a build the same way, by `import.meta.env.WIRECOPY_PREVIEW` (see astro.config.mjs).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const DRAFT_PAGE = fileURLToPath(new URL('../../site/preview/drafts/[id].astro', import.meta.url));

export default function previewRoutes(): AstroIntegration {
  return {
    name: 'wirecopy:preview-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/drafts/[id]', entrypoint: DRAFT_PAGE });
      },
    },
  };
}
