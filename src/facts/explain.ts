/**
 * How one fact was computed (`wirecopy stats --explain ID`, the desk's facts panel), so an editor
 * can check it by hand.
 * It prints the definition, every input (the closes and the windows read), and where a fact is
 * a plain ratio or difference of two closes, the arithmetic itself.
 */
import { Errors, WirecopyError } from '../errors.ts';
import type { StatInput, StatRange } from '../stats/types.ts';
import { formatFactValue, formatLevel } from './format.ts';
import type { Fact, FactSet } from './types.ts';

const isClose = (input: StatInput | StatRange): input is StatInput => 'close' in input;

export function explainFact(factSet: FactSet, id: string): string {
  const fact = factSet.facts[id];
  if (!fact) {
    const missing = factSet.missing.find((m) => m.id === id);
    if (missing) return `${id} is missing on ${factSet.asOf}: ${missing.reason}`;
    const near = [...Object.keys(factSet.facts), ...factSet.missing.map((m) => m.id)]
      .filter((known) => known.startsWith(id.split('.')[0]!) && sharesWords(known, id))
      .slice(0, 8);
    throw new WirecopyError(Errors.Usage, `--explain ${id}: no fact has that id.`, {
      details: near.length > 0 ? ['Did you mean one of:', ...near.map((n) => `  ${n}`)] : [],
      hint: '`wirecopy stats --as-of DATE` lists every fact id of that session.',
    });
  }
  const lines = [
    `${fact.id} = ${fact.display}   (value ${String(fact.value)}, unit ${fact.unit}, as of ${fact.asOf}, dataset ${factSet.dataset})`,
    '',
    `What it is: ${fact.definition}`,
    '',
    'Inputs:',
    ...fact.inputs.map((input) =>
      isClose(input)
        ? `  ${input.series} close on ${input.date}: ${formatLevel(input.close)} (stored ${input.close})`
        : `  ${input.series}, ${input.sessions.toLocaleString('en-US')} sessions from ${input.from} to ${input.to}`,
    ),
  ];
  const worked = workedArithmetic(fact);
  if (worked) lines.push('', `Worked: ${worked}`);
  return lines.join('\n');
}

/** The sum an editor can redo, for facts that are a ratio or a difference of their two closes. */
function workedArithmetic(fact: Fact): string | undefined {
  const closes = fact.inputs.filter(isClose);
  if (closes.length !== 2 || typeof fact.value !== 'number') return undefined;
  const [then, now] = closes as [StatInput, StatInput];
  if (fact.unit === 'fraction') {
    const value = now.close / then.close - 1;
    if (Math.abs(value - fact.value) > 1e-9) return undefined;
    return `${formatLevel(now.close)} ÷ ${formatLevel(then.close)} − 1 = ${value.toFixed(6)} → ${formatFactValue(value, 'fraction')}`;
  }
  if (fact.unit === 'points' || fact.unit === 'basis_points') {
    const scale = fact.unit === 'basis_points' ? 100 : 1;
    const value = (now.close - then.close) * scale;
    if (Math.abs(value - fact.value) > 1e-6) return undefined;
    const sum = scale === 1 ? `${now.close} − ${then.close}` : `(${now.close}% − ${then.close}%) × 100`;
    return `${sum} = ${value.toFixed(2)} → ${fact.display}`;
  }
  return undefined;
}

function sharesWords(a: string, b: string): boolean {
  const words = new Set(a.split(/[._]/));
  return b.split(/[._]/).filter((w) => words.has(w)).length >= 2;
}
