/**
 * `wirecopy diff <file>`: what the editor changed against the text the generator wrote, sentence
 * by sentence, numbers highlighted, each changed number beside its fact. Colors on a terminal,
 * as NO_COLOR and FORCE_COLOR say (see color.ts); without, numbers are marked «like this».
 */
import { styleText } from 'node:util';
import { Command } from 'commander';
import { diffFile } from '../jobs/diff.ts';
import type { ChangedNumber, Sentence } from '../review/draft-diff.ts';
import { wantsColor } from './color.ts';
import type { CommandContext } from './context.ts';
import { printJson } from './json.ts';

type Style = Parameters<typeof styleText>[0];

interface Painter {
  colored: boolean;
  paint(style: Style, text: string): string;
}

function painter(colored: boolean): Painter {
  return {
    colored,
    paint: (style, text) => (colored ? styleText(style, text, { validateStream: false }) : text),
  };
}

export function diffCommand(context: () => CommandContext): Command {
  return new Command('diff')
    .description('show what was changed in a draft since it was generated, sentence by sentence')
    .argument('<file>', 'the draft')
    .option('--color', 'color the output even when it is not a terminal')
    .option('--no-color', 'never color the output')
    .option('--json', 'print one JSON object: {file, changed, sections: [{name, ops}]}, the same sentences')
    .action((file: string, options: { color?: boolean; json?: boolean }) => {
      const ctx = context();
      const { sections } = diffFile(ctx, file);
      if (options.json) {
        printJson(ctx, { file, changed: sections.length > 0, sections });
        return;
      }
      const out = painter(wantsColor(options.color, ctx.env, process.stdout.isTTY === true));
      if (sections.length === 0) {
        ctx.io.out(`${file}: no changes since it was generated.`);
        return;
      }
      for (const section of sections) {
        ctx.io.out(out.paint('bold', section.name));
        for (const op of section.ops) {
          if (op.kind === 'same') continue;
          const where = op.kind === 'removed' ? op.before : op.after;
          const label = where.paragraph > 0 ? `¶${where.paragraph} ` : '';
          if (op.kind !== 'added')
            ctx.io.out(`${label}${out.paint('red', '-')} ${highlight(op.before, out, 'red')}`);
          if (op.kind !== 'removed')
            ctx.io.out(`${label}${out.paint('green', '+')} ${highlight(op.after, out, 'green')}`);
          for (const number of op.numbers) ctx.io.out(`    ${describeNumber(number, out)}`);
        }
        ctx.io.out('');
      }
    });
}

/** The sentence in its tone, each number stressed: bold and underlined in color, «like this» without. */
function highlight(sentence: Sentence, out: Painter, tone: 'red' | 'green'): string {
  let text = '';
  let at = 0;
  for (const number of sentence.numbers) {
    text += out.paint(tone, sentence.text.slice(at, number.start));
    text += out.colored ? out.paint(['bold', 'underline', tone], number.text) : `«${number.text}»`;
    at = number.end;
  }
  return text + out.paint(tone, sentence.text.slice(at));
}

/** The number, what the sentence says it is (series, period), and its verdict. */
function describeNumber(number: ChangedNumber, out: Painter): string {
  const { claim } = number;
  const reading = [claim?.subject, claim?.period].filter(Boolean).join(', ');
  const label = reading ? `${number.text} (${reading})` : number.text;
  const problems = (claim?.problems ?? []).map(
    (p) => `      ${out.paint(claim?.failed ? 'red' : 'yellow', p)}`,
  );
  // A claim the check rejects is not "matching" because its value fits some fact.
  const head = claim?.failed ? label : describeVerdict(label, number, out);
  return [head, ...problems].join('\n');
}

function describeVerdict(text: string, { verdict }: ChangedNumber, out: Painter): string {
  const fact = (f: { id: string }, shown: string) => `${f.id} (${shown})`;
  switch (verdict.kind) {
    case 'matches':
      return `${text}  ${out.paint('green', 'matches')} ${fact(verdict.fact, verdict.shown)}`;
    case 'mismatch':
      return `${text}  ${out.paint('red', 'does not match')} its fact ${fact(verdict.fact, verdict.shown)}`;
    case 'unknown-fact':
      return `${text}  ${out.paint('red', 'is linked to')} ${verdict.factId}, not a fact of this draft`;
    case 'sourced':
      return `${text}  ${out.paint('yellow', 'sourced by hand')}: ${verdict.source}, ${verdict.date}`;
    case 'no-fact':
      return `${text}  ${out.paint('red', 'matches no fact')}${verdict.closest ? `; closest: ${fact(verdict.closest, verdict.closest.shown)}` : ''}`;
  }
}
