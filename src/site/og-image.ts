/**
 * The Open Graph image of a piece (1200×630 PNG), made at build time: satori lays the text out
 * as SVG with the bundled fonts, resvg rasterizes it. Demo pieces say so on the image too, since
 * the image travels without the page's banner.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';

export interface OgCard {
  title: string;
  summary: string;
  /** "Data as of Nov. 28, 2025". */
  stamp: string;
  publication: string;
  demo: boolean;
}

export interface OgFonts {
  regular: ArrayBuffer | Uint8Array;
  bold: ArrayBuffer | Uint8Array;
}

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;
const TEXT_WIDTH = OG_WIDTH - 2 * 72;

type Node = { type: string; props: { style?: Record<string, unknown>; children?: unknown } };
const el = (type: string, style: Record<string, unknown>, children?: unknown): Node => ({
  type,
  props: { style, children },
});

export async function renderOgImage(card: OgCard, fonts: OgFonts): Promise<Uint8Array> {
  const tree = el(
    'div',
    {
      width: OG_WIDTH,
      height: OG_HEIGHT,
      boxSizing: 'border-box',
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: '64px 72px',
      background: '#fbfaf7',
      color: '#111',
      borderTop: '16px solid #1d4ed8',
      fontFamily: 'DejaVu Sans',
    },
    [
      el('div', { display: 'flex', fontSize: 28, fontWeight: 700, color: '#1d4ed8' }, card.publication),
      el('div', { display: 'flex', flexDirection: 'column', width: TEXT_WIDTH }, [
        el(
          'div',
          { fontSize: card.title.length > 70 ? 50 : 58, fontWeight: 700, lineHeight: 1.15 },
          card.title,
        ),
        el('div', { marginTop: 28, fontSize: 28, lineHeight: 1.35, color: '#333' }, clip(card.summary, 160)),
      ]),
      el('div', { display: 'flex', justifyContent: 'space-between', fontSize: 24, color: '#555' }, [
        el('div', {}, card.stamp),
        card.demo
          ? el('div', { color: '#7c2d12', fontWeight: 700 }, 'DEMO DATA: not market data')
          : el('div', {}, 'Not investment advice'),
      ]),
    ],
  );
  const svg = await satori(tree as never, {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: [
      { name: 'DejaVu Sans', data: toArrayBuffer(fonts.regular), weight: 400, style: 'normal' },
      { name: 'DejaVu Sans', data: toArrayBuffer(fonts.bold), weight: 700, style: 'normal' },
    ],
  });
  return new Resvg(svg, { fitTo: { mode: 'width', value: OG_WIDTH } }).render().asPng();
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max - 1))}…`;
}

function toArrayBuffer(data: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (data instanceof ArrayBuffer) return data;
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
