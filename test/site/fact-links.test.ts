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

  // Regression (issue 12): the preview compared the text with the signed display, so on a
  // down day "fell 0.5%" (RUT.change.1d = -0.5%) and "3.1% below its record"
  // (RUT.record.pct_below = -3.1%) were marked red though `check` passes them.
  it('judges a number as check does: the verb carries the sign', () => {
    const down = {
      'RUT.change.1d': { value: -0.005, display: '-0.5%' },
      'RUT.record.pct_below': { value: -0.031, display: '-3.1%' },
    };
    const out = highlightFactLinks(
      '<p>The Russell 2000 fell 0.5%<!--fact:RUT.change.1d-->; it is 3.1%<!--fact:RUT.record.pct_below--> below its record.</p>',
      down,
      { asOf: '2025-08-29' },
    );
    expect(out).not.toContain('fact-mismatch');
    expect(out.match(/class="fact"/g)).toHaveLength(2);
  });

  // Regression (issue 12): a number `check` rejects (no mark, fits no fact) had no highlight.
  it('marks an unlinked number that fits no fact, and leaves one that fits alone', () => {
    const out = highlightFactLinks(
      '<p>Small caps rose 9.9% and 8.5% in five sessions, since Oct. 27.</p>',
      facts,
      {
        asOf: '2025-11-28',
      },
    );
    expect(out).toContain(
      '<span class="fact fact-rejected" tabindex="0" data-tip="9.9%: matches no fact of this piece (wirecopy check rejects it)">9.9%</span>',
    );
    expect(out).toContain(' and 8.5% in five sessions, since Oct. 27.');
  });

  it('reads numbers through entities and leaves code alone', () => {
    const out = highlightFactLinks(
      '<p>The S&amp;P 500 and <code>9.9</code> up 8.5%<!--fact:RUT.return.5d--></p>',
      facts,
    );
    expect(out).toContain('The S&amp;P 500 and <code>9.9</code> up <span class="fact"');
  });
});
