/** `/favicon.svg`: the mark, for browsers that take an SVG icon (see src/site/brand.ts). */
import { markSvg } from '../../src/site/brand.ts';

export function GET() {
  return new Response(markSvg(), { headers: { 'Content-Type': 'image/svg+xml' } });
}
