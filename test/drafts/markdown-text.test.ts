/**
 * Quote text escaped for a draft (src/drafts/markdown-text.ts): parsed back as markdown, in the
 * place the quote partial puts it (after an opening quotation mark), it is the typed text and
 * nothing else: no HTML node, no link, no emphasis.
 */
import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString as mdastToString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { markdownText, markdownUrl } from '../../src/drafts/markdown-text.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

function parsed(text: string): { text: string; nodeTypes: Set<string> } {
  const tree = parser.parse(`“${markdownText(text)}”`) as Root;
  const nodeTypes = new Set<string>();
  visit(tree, (node) => {
    nodeTypes.add(node.type);
  });
  return { text: mdastToString(tree), nodeTypes };
}

describe('markdownText', () => {
  it.each([
    ['<script>alert(document.domain)</script>'],
    ['<!-- note --><img src=x onerror=alert(origin)>'],
    ['&lt;script&gt; and &#60;b&#62;'],
    ['[click](javascript:alert(origin)) and ![x](javascript:alert(origin))'],
    ['<javascript:alert(origin)>'],
    ['**bold** _em_ `code` ~~gone~~ a | b \\ backslash'],
    ['S&P 500 up 2.5% as small caps rally'],
  ])('keeps %s as literal text', (typed) => {
    const { text, nodeTypes } = parsed(typed);
    expect(text).toBe(`“${typed}”`);
    expect([...nodeTypes].sort()).toEqual(['paragraph', 'root', 'text']);
  });

  it('leaves ordinary words as typed (only markup characters are escaped)', () => {
    expect(markdownText('Small caps could run further, S&P 500 or not.')).toBe(
      'Small caps could run further, S&P 500 or not.',
    );
    expect(markdownText('a <b> line\nbreak')).toBe('a \\<b\\> line break');
  });

  it('renders any string of markup characters as that string (property)', () => {
    const alphabet = fc.constantFrom(...'<>&;#/!*_[]()`~|\\:=" ab1'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const typed = chars.join('');
        const { text, nodeTypes } = parsed(typed);
        expect(text).toBe(`“${typed.replace(/\s+/g, ' ').trim()}”`);
        expect(nodeTypes.has('html')).toBe(false);
        expect(nodeTypes.has('link')).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('markdownUrl', () => {
  it('encodes what could end a link destination or open a tag', () => {
    expect(markdownUrl('https://example.com/a)[x](javascript:alert(origin)')).toBe(
      'https://example.com/a%29[x]%28javascript:alert%28origin%29',
    );
    expect(markdownUrl('https://example.com/<script>"x"')).toBe('https://example.com/%3Cscript%3E%22x%22');
  });
});
