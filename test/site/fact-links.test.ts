import { describe, expect, it } from 'vitest';
import { highlightFactLinks, stripFactLinks } from '../../src/site/fact-links.ts';

const facts = {
  'RUT.return.5d': { value: 0.08473340322870881, display: '8.5%' },
  'RUT.close': { value: 2500.429931640625, display: '2,500.43' },
  'RUT.record.last_date': { value: '2025-10-27', display: 'Oct. 27' },
};
const html =
  '<p>The Russell 2000 is up 8.5%<!--fact:RUT.return.5d--> to 2,500.43<!--fact:RUT.close-->, below its record of Oct. 27<!--fact:RUT.record.last_date-->.</p>';

describe('stripFactLinks', () => {
  it('drops every mark and nothing else', () => {
    expect(stripFactLinks(html)).toBe(
      '<p>The Russell 2000 is up 8.5% to 2,500.43, below its record of Oct. 27.</p>',
    );
  });
});

describe('highlightFactLinks', () => {
  it('wraps each number in a highlight carrying its fact id and value', () => {
    const out = highlightFactLinks(html, facts);
    expect(out).toContain(
      '<span class="fact" tabindex="0" data-fact="RUT.return.5d" data-tip="RUT.return.5d = 0.0847334 (printed as 8.5%)">8.5%</span> to',
    );
    expect(out).toContain('data-tip="RUT.close = 2500.43 (printed as 2,500.43)">2,500.43</span>,');
    expect(out).toContain(
      'data-tip="RUT.record.last_date = 2025-10-27 (printed as Oct. 27)">Oct. 27</span>.',
    );
    expect(out).not.toContain('<!--fact:');
  });

  it('marks a number an editor changed as a mismatch, saying what the fact holds', () => {
    const out = highlightFactLinks('<p>up 9.1%<!--fact:RUT.return.5d--> this week</p>', facts);
    expect(out).toBe(
      '<p>up <span class="fact fact-mismatch" tabindex="0" data-fact="RUT.return.5d" data-tip="RUT.return.5d = 0.0847334 (printed as 8.5%); the text says 9.1%">9.1%</span> this week</p>',
    );
  });

  it('marks a link to a fact the piece does not carry', () => {
    expect(highlightFactLinks('<p>5<!--fact:RUT.streak.up--></p>', facts)).toContain(
      'data-tip="RUT.streak.up: not among the facts of this piece">5</span>',
    );
  });
});
