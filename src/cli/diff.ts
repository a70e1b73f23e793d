/**
 * `wirecopy diff <file>`: what the editor changed against the text the generator wrote, sentence
 * by sentence, numbers highlighted, each changed number beside its fact. Colors on a terminal
 * only (and never with NO_COLOR); elsewhere numbers are marked «like this».
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { styleText } from 'node:util';
import { Command } from 'commander';
import { Errors, WirecopyError } from '../errors.ts';
import { type ChangedNumber, diffDraft, type Sentence } from '../review/draft-diff.ts';
import { fieldValue, readDraftSource } from '../review/draft-source.ts';
import { generatedTextOf } from '../review/generated-text.ts';
import type { CommandContext } from './context.ts';

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
    .action((file: string, options: { color?: boolean }) => {
      const ctx = context();
      const path = resolve(ctx.cwd, file);
      let current: string;
      try {
        current = readFileSync(path, 'utf8');
      } catch (cause) {
        throw new WirecopyError(Errors.FileUnreadable, `Could not read ${file}.`, {
          hint: 'Check the path.',
          cause,
        });
      }
      const contentHash = fieldValue(readDraftSource(current), ['generator', 'contentHash']);
      const store = existsSync(ctx.storePath) ? ctx.store() : undefined;
      const generated =
        store &&
        generatedTextOf(store, {
          fileName: basename(path),
          contentHash: typeof contentHash === 'string' ? contentHash : undefined,
        });
      if (generated === undefined) {
        throw new WirecopyError(Errors.NoData, `The store keeps no generated text for ${file}.`, {
          hint: 'Generated texts are kept from this version on, in the store the draft was written with (--store); regenerate the draft into another folder to compare by hand.',
        });
      }
      const out = painter(
        options.color ?? (process.stdout.isTTY === true && ctx.env['NO_COLOR'] === undefined),
      );
      const sections = diffDraft(generated, current);
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
