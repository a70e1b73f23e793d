/**
 * Strict mustache. Before a template renders, every name it prints must resolve in the view to
 * text or a fact, and every section must be over a boolean or a list that the view has. Anything
 * else is an error naming the template, the line and the name, so a typo in a template can never
 * ship as an empty gap in a published article.
 */
import Mustache from 'mustache';
import { Errors, WirecopyError } from '../errors.ts';
import { LAMBDA } from './variation.ts';
import { FactText } from './view-values.ts';

export interface TemplateSource {
  /** Path shown in errors: `templates/articles/small-caps-daily.mustache`. */
  file: string;
  text: string;
}

export interface TemplateProblem {
  file: string;
  line: number;
  column: number;
  name: string;
  message: string;
}

type Token = [string, string, number, number, Token[]?, number?];

const NOT_FOUND = Symbol('not found');

/** Looks a name up the way mustache does: the innermost context that has its first segment. */
function lookup(stack: readonly unknown[], name: string): unknown {
  if (name === '.') return stack.at(-1);
  const [head, ...rest] = name.split('.');
  for (let i = stack.length - 1; i >= 0; i--) {
    const context = stack[i];
    if (context !== null && typeof context === 'object' && head! in context) {
      let value: unknown = (context as Record<string, unknown>)[head!];
      for (const segment of rest) {
        if (value === null || typeof value !== 'object' || !(segment in value)) return NOT_FOUND;
        value = (value as Record<string, unknown>)[segment];
      }
      return value;
    }
  }
  return NOT_FOUND;
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function parseTemplate(source: TemplateSource): Token[] {
  try {
    return Mustache.parse(source.text) as unknown as Token[];
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const at = /at (\d+)/.exec(message);
    const where = at ? position(source.text, Number(at[1])) : { line: 1, column: 1 };
    throw new WirecopyError(
      Errors.TemplateInvalid,
      `${source.file}:${where.line}:${where.column} is not valid mustache: ${message}`,
      {
        hint: 'Close every {{#section}} with {{/section}} in the same order, and balance every {{ with }}.',
        cause,
      },
    );
  }
}

/** Every problem of rendering `source` with `view`; empty when it is safe to render. */
export interface CheckOptions {
  /** Collects the ids of the facts the text prints. */
  printed?: Set<string>;
  /**
   * Walk both sides of every boolean section, not only the one this view takes: checks a
   * template against everything it could print (`wirecopy templates check`).
   */
  allBranches?: boolean;
}

export function checkTemplate(
  source: TemplateSource,
  view: object,
  partials: Record<string, TemplateSource> = {},
  options: CheckOptions = {},
): TemplateProblem[] {
  const { printed, allBranches = false } = options;
  const problems: TemplateProblem[] = [];
  const walk = (tokens: Token[], stack: unknown[], src: TemplateSource, seen: readonly string[]) => {
    for (const token of tokens) {
      const [type, name, start] = token;
      const report = (message: string) =>
        problems.push({ file: src.file, ...position(src.text, start), name, message });
      if (type === 'name' || type === '&') {
        const value = lookup(stack, name);
        if (value === NOT_FOUND || value === undefined || value === null) {
          report(`{{${name}}} is not in the view`);
        } else if (!(typeof value === 'string' || value instanceof FactText)) {
          report(
            `{{${name}}} is a ${Array.isArray(value) ? 'list' : typeof value}, not text: print a fact or a phrase`,
          );
        } else if (value instanceof FactText) {
          printed?.add(value.factId);
        }
      } else if (type === '#' || type === '^') {
        const value = lookup(stack, name);
        const body = token[4] ?? [];
        if (value === NOT_FOUND || value === undefined) {
          report(`section {{${type}${name}}} is over a name that is not in the view`);
        } else if (Array.isArray(value)) {
          if (type === '#') for (const item of value) walk(body, [...stack, item], src, seen);
          else if (value.length === 0 || allBranches) walk(body, stack, src, seen);
        } else if (typeof value === 'boolean') {
          if (allBranches || value === (type === '#')) walk(body, stack, src, seen);
        } else if (typeof value === 'function' && LAMBDA in value) {
          // A phrasing section: every alternative must resolve, whichever one renders.
          if (type === '#') walk(body, stack, src, seen);
          else report(`{{^${name}}} cannot invert a phrasing section`);
        } else {
          report(
            `section {{${type}${name}}} must be over a list or a boolean, not ${typeof value === 'object' ? 'an object' : `a ${typeof value}`}`,
          );
        }
      } else if (type === '>') {
        const partial = partials[name];
        if (!partial) report(`partial {{>${name}}} does not exist`);
        else if (seen.includes(name)) report(`partial {{>${name}}} includes itself`);
        else walk(parseTemplate(partial), stack, partial, [...seen, name]);
      }
    }
  };
  walk(parseTemplate(source), [view], source, []);
  return problems;
}

/**
 * Renders after a strict check; throws `TemplateInvalid` listing every problem. Output is not
 * HTML-escaped: it is markdown. `printed` collects the ids of the facts the text prints.
 */
export function renderStrict(
  source: TemplateSource,
  view: object,
  partials: Record<string, TemplateSource> = {},
  printed?: Set<string>,
): string {
  const problems = checkTemplate(source, view, partials, { printed });
  if (problems.length > 0) {
    throw new WirecopyError(
      Errors.TemplateInvalid,
      `${source.file} cannot render: ${problems.length} name${problems.length === 1 ? '' : 's'} do not match the view.`,
      {
        details: problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`),
        hint: 'Fix the names in the template, or add them to the story view in src/drafts/views/.',
      },
    );
  }
  const partialTexts = Object.fromEntries(Object.entries(partials).map(([k, v]) => [k, v.text]));
  return Mustache.render(source.text, view, partialTexts, { escape: (value: unknown) => String(value) });
}
