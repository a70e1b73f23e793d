import { describe, expect, it } from 'vitest';
import { checkTemplate, renderStrict, type TemplateSource } from '../../src/drafts/strict-template.ts';
import { FACT_LINK, FactText, placeFact } from '../../src/drafts/view-values.ts';
import { isWirecopyError } from '../../src/errors.ts';

const template = (text: string, file = 'templates/articles/t.mustache'): TemplateSource => ({ file, text });

function viewWithFacts(): Record<string, unknown> {
  const view: Record<string, unknown> = {
    is: { up: true, down: false },
    items: [{ name: 'a' }, { name: 'b' }],
  };
  placeFact(view, 'RUT.return.5d', new FactText('RUT.return.5d', '8.5%'));
  placeFact(view, 'RUT.sma200.above', new FactText('RUT.sma200.above', 'yes'));
  placeFact(view, 'RUT.sma200', new FactText('RUT.sma200', '2,300.10'));
  return view;
}

describe('strict mustache', () => {
  it('renders facts by dotted id, including a fact that is also the parent of another', () => {
    const text = renderStrict(
      template('{{RUT.return.5d}} / {{RUT.sma200}} / {{RUT.sma200.above}}'),
      viewWithFacts(),
    );
    expect(text).toBe('8.5% / 2,300.10 / yes');
  });

  it('does not HTML-escape: the output is markdown ("S&P 500" stays as it is)', () => {
    expect(renderStrict(template('{{name}}'), { name: 'S&P 500' })).toBe('S&P 500');
  });

  it('collects the ids of the facts it prints', () => {
    const printed = new Set<string>();
    renderStrict(
      template('{{#is.up}}{{RUT.return.5d}}{{/is.up}}{{#is.down}}{{RUT.sma200}}{{/is.down}}'),
      viewWithFacts(),
      {},
      printed,
    );
    expect([...printed]).toEqual(['RUT.return.5d']);
  });

  it.each([
    // [template, line, column, message fragment]
    ['line one\n\n  {{RUT.return.1y}}', 3, 3, '{{RUT.return.1y}} is not in the view'],
    [
      '{{#is.sideways}}x{{/is.sideways}}',
      1,
      1,
      'section {{#is.sideways}} is over a name that is not in the view',
    ],
    ['a\n{{#RUT.return.5d}}x{{/RUT.return.5d}}', 2, 1, 'must be over a list or a boolean'],
    ['{{is.up}}', 1, 1, 'is a boolean, not text'],
    ['{{items}}', 1, 1, 'is a list, not text'],
    ['{{#items}}{{nome}}{{/items}}', 1, 11, '{{nome}} is not in the view'],
    ['{{> nowhere}}', 1, 1, 'partial {{>nowhere}} does not exist'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    const problems = checkTemplate(template(text), viewWithFacts());
    expect(problems).toHaveLength(problems.length > 0 ? problems.length : 1);
    expect(problems[0]).toMatchObject({ file: 'templates/articles/t.mustache', line, column });
    expect(problems[0]!.message).toContain(message);
  });

  it('checks only the branch that renders: a false section may name facts the view lacks', () => {
    expect(
      checkTemplate(template('{{#is.down}}{{RUT.record.drought_sessions}}{{/is.down}}'), viewWithFacts()),
    ).toEqual([]);
    expect(
      checkTemplate(template('{{^is.up}}{{RUT.record.drought_sessions}}{{/is.up}}'), viewWithFacts()),
    ).toEqual([]);
  });

  it('throws one error listing every problem with file:line:column', () => {
    try {
      renderStrict(template('{{a}}\n{{b}}'), {});
      expect.unreachable('renderStrict should throw');
    } catch (error) {
      expect(isWirecopyError(error) && error.code).toBe('TemplateInvalid');
      const details = isWirecopyError(error) ? error.details : [];
      expect(details).toEqual([
        'templates/articles/t.mustache:1:1 {{a}} is not in the view',
        'templates/articles/t.mustache:2:1 {{b}} is not in the view',
      ]);
    }
  });

  it.each([
    ['{{#is.up}}never closed', 'Unclosed section "is.up"'],
    ['{{#a}}{{/b}}', 'Unclosed section "a"'],
    ['{{ broken', 'Unclosed tag'],
  ])('a malformed template (%j) is an error naming the file and line', (text, message) => {
    expect(() => renderStrict(template(text), { is: { up: true }, a: true })).toThrow(message);
    try {
      renderStrict(template(text), { is: { up: true }, a: true });
    } catch (error) {
      expect((error as Error).message).toMatch(
        /^templates\/articles\/t\.mustache:1:\d+ is not valid mustache/,
      );
    }
  });

  it('checks partials against the same view and names the partial file', () => {
    const partials = { footer: template('\n{{missing}}', 'templates/partials/footer.mustache') };
    const problems = checkTemplate(template('{{> footer}}'), {}, partials);
    expect(problems).toEqual([
      {
        file: 'templates/partials/footer.mustache',
        line: 2,
        column: 1,
        name: 'missing',
        message: '{{missing}} is not in the view',
      },
    ]);
  });
});

describe('fact links', () => {
  it('a linked fact prints its display followed by an invisible comment naming its id', () => {
    const view: Record<string, unknown> = {};
    placeFact(view, 'RUT.return.5d', new FactText('RUT.return.5d', '8.5%', true));
    const text = renderStrict(template('up {{RUT.return.5d}} in five sessions'), view);
    expect(text).toBe('up 8.5%<!--fact:RUT.return.5d--> in five sessions');
    expect([...text.matchAll(FACT_LINK)].map((m) => m[1])).toEqual(['RUT.return.5d']);
  });
});
