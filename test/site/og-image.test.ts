import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SITE_ROOT } from '../../src/site/astro-run.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgImage } from '../../src/site/og-image.ts';

const fonts = {
  regular: readFileSync(join(SITE_ROOT, 'site/assets/fonts/DejaVuSans-Latin.ttf')),
  bold: readFileSync(join(SITE_ROOT, 'site/assets/fonts/DejaVuSans-Bold-Latin.ttf')),
};

describe('renderOgImage', () => {
  it('makes a 1200×630 PNG from the bundled fonts', async () => {
    const png = Buffer.from(
      await renderOgImage(
        {
          title: 'Small caps surge 8.5% in five sessions, leaving large caps behind',
          summary: 'The Russell 2000 rose 0.6% to 2,500.43 on Friday and is up 8.5% over five sessions.',
          stamp: 'Data as of the Nov. 28, 2025 close',
          publication: 'Wirecopy Small Caps',
          demo: false,
        },
        fonts,
      ),
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
  });
});
