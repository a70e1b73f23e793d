/**
 * remark plugin: house style for names and numbers, as warnings (a style slip does not make a
 * piece wrong). Checked in the body and in the front matter's text fields.
 *
 * Rule: `house-style` (warning).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { draftOf, type FieldPath, fieldValue, scalarRange } from './draft-source.ts';
import { inlineRuns } from './inline-runs.ts';
import { report } from './messages.ts';
import { locateInOrder } from './source-text.ts';
import { fieldName, publishedTextFields } from './text-fields.ts';

export interface Options {
  /** Front-matter text fields checked too (default: `publishedTextFields`). */
  fields?: FieldPath[];
}

interface StyleRule {
  pattern: RegExp;
  /** The house form of a match; a match already in house form is fine. */
  fix: (match: string) => string;
}

const AP_MONTHS: Record<string, string> = {
  January: 'Jan.',
  February: 'Feb.',
  August: 'Aug.',
  September: 'Sept.',
  Sep: 'Sept.',
  October: 'Oct.',
  November: 'Nov.',
  December: 'Dec.',
  Mar: 'March',
  Apr: 'April',
  Jun: 'June',
  Jul: 'July',
};

export const STYLE_RULES: readonly StyleRule[] = [
  // AP style since 2019: the % sign with numbers; "percentage point(s)" stays in words.
  {
    pattern: /\d[\d,.]*\s?(?:percent|per cent|pct)\b/gi,
    fix: (m) => `${m.replace(/\s?(?:percent|per cent|pct)$/i, '')}%`,
  },
  { pattern: /\b(?:S\s*&\s*P|S and P|SP)\s*-?\s*500\b/gi, fix: () => 'S&P 500' },
  { pattern: /\bnasdaq\s*-?\s*100\b/gi, fix: () => 'Nasdaq-100' },
  { pattern: /\b(?:Russell\s*-?\s*2000|Russell 2K|R2K)\b/gi, fix: () => 'Russell 2000' },
  {
    pattern:
      /\b(?:January|February|August|September|October|November|December|(?:Sep|Mar|Apr|Jun|Jul)\.?)(?= \d{1,2}\b)/g,
    fix: (m) => AP_MONTHS[m.replace('.', '')] ?? m,
  },
];

export default function remarkHouseStyle(options: Options = {}) {
  return (tree: Root, file: VFile) => {
    const draft = draftOf(file);
    if (draft.unreadable) return;
    const fields = options.fields ?? publishedTextFields(draft);
    const check = (text: string, from: number, to: number, where: string) => {
      for (const { pattern, fix } of STYLE_RULES) {
        const slips = [...text.matchAll(pattern)].map((m) => m[0]).filter((m) => fix(m) !== m);
        const offsets = locateInOrder(draft.source.text, from, to, slips);
        slips.forEach((slip, i) => {
          const at = offsets[i]!;
          report(
            file,
            'warning',
            'house-style',
            `House style${where}: write "${fix(slip)}", not "${slip}".`,
            {
              place: draft.source.position(at, at + slip.length),
              actual: slip,
              expected: [fix(slip)],
            },
          );
        });
      }
    };
    for (const { segments } of inlineRuns(tree)) {
      for (const segment of segments) {
        if (segment.type !== 'text' || !segment.node.position) continue;
        const { start, end } = segment.node.position;
        check(segment.node.value, start.offset ?? 0, end.offset ?? 0, '');
      }
    }
    for (const path of fields) {
      const text = fieldValue(draft, path);
      const range = scalarRange(draft, path);
      if (typeof text === 'string' && range) check(text, range[0], range[1], ` in ${fieldName(path)}`);
    }
  };
}
