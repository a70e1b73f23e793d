import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { hashOf, isUntouched, serializeDraft, writeDraft } from '../../src/content/draft-file.ts';
import { frontMatterSchema } from '../../src/content/front-matter.ts';

const frontMatter = {
  title: 'Small caps jump 8.5% in five sessions',
  slug: 'daily-wrap',
  story: 'daily-wrap',
  asOf: '2025-11-28',
  date: '2025-11-28',
  status: 'draft' as const,
  dataset: 'csv',
  tags: ['small caps'],
  summary: 'The Russell 2000 rose.',
  facts: { 'RUT.return.5d': { value: 0.0847, display: '8.5%' } },
  angles: {
    story: 'daily-wrap',
    why: 'every session',
    lead: 'RUT.return.5d',
    score: 80,
    reason: 'big week',
    runnersUp: [],
  },
  social: { x: 'x', linkedin: 'l', facebook: 'f' },
  sources: [
    {
      symbol: 'RUT',
      name: 'Russell 2000',
      sources: ['csv:RUT.csv'],
      first: '1987-09-10',
      last: '2025-11-28',
    },
  ],
  generator: { version: '0.1.0', template: 'templates/articles/daily-wrap.mustache' },
};

describe('draft files', () => {
  it('round-trips through gray-matter into the front-matter schema (dates stay strings)', () => {
    const text = serializeDraft(frontMatter, 'The Russell 2000 rose 8.5%.');
    const parsed = matter(text);
    const data = frontMatterSchema.parse(parsed.data);
    expect(data.asOf).toBe('2025-11-28');
    expect(data.facts['RUT.return.5d']).toEqual({ value: 0.0847, display: '8.5%' });
    expect(parsed.content.trim()).toBe('The Russell 2000 rose 8.5%.');
    expect(data.generator.contentHash).toBe(hashOf(text));
  });

  it('detects any hand edit, in the body or the front matter', () => {
    const text = serializeDraft(frontMatter, 'The Russell 2000 rose 8.5%.');
    expect(isUntouched(text)).toBe(true);
    expect(isUntouched(text.replace('rose 8.5%', 'rose 8.6%'))).toBe(false);
    expect(isUntouched(text.replace('status: draft', 'status: rejected'))).toBe(false);
    expect(isUntouched(text.replace(/contentHash: .*/, 'contentHash: nothing'))).toBe(false);
  });

  it('creates, leaves identical text alone, regenerates an untouched draft, and never overwrites an edited one', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'wirecopy-draft-')), 'd.md');
    const first = serializeDraft(frontMatter, 'Body one.');
    expect(await writeDraft(path, first)).toBe('created');
    expect(await writeDraft(path, first)).toBe('unchanged');
    const second = serializeDraft(frontMatter, 'Body two.');
    expect(await writeDraft(path, second)).toBe('updated');
    const edited = readFileSync(path, 'utf8').replace('Body two.', 'Body two, edited by the desk.');
    writeFileSync(path, edited);
    expect(await writeDraft(path, serializeDraft(frontMatter, 'Body three.'))).toBe('edited');
    expect(readFileSync(path, 'utf8')).toBe(edited);
  });
});
