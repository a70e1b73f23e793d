/** The edit distance behind "did you mean" for unknown config fields. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configSchema } from '../../src/config.ts';
import { editDistance, nearestName } from '../../src/config-fields.ts';

describe('editDistance (optimal string alignment)', () => {
  // kitten → sitting and flaw → lawn: the worked examples of Wikipedia's "Levenshtein distance";
  // ca → abc is 3 under optimal string alignment (2 under unrestricted Damerau): Wikipedia,
  // "Damerau–Levenshtein distance", "Optimal string alignment distance".
  it.each([
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['ca', 'abc', 3],
    ['', 'store', 5],
    ['store', 'store', 0],
    ['stroe', 'store', 1],
    ['sanitybond', 'sanitybound', 1],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('nearestName', () => {
  const verifyFields = ['sanityBound', 'stalenessSessions', 'crossCheckTolerance', 'recentSessions'];
  it.each([
    ['sanityBond', 'sanityBound'],
    ['SanityBound', 'sanityBound'],
    ['recentSesions', 'recentSessions'],
    ['crosscheck', undefined],
    ['colour', undefined],
  ])('%s → %s', (word, near) => {
    expect(nearestName(word, verifyFields)).toBe(near);
  });
});

describe('every object in the config schema refuses unknown fields', () => {
  /** Paths of the objects under `schema` that would drop an unknown field without a word. */
  function looseObjects(schema: unknown, path: string): string[] {
    const def = (schema as { _zod: { def: Record<string, unknown> } })._zod.def;
    switch (def['type']) {
      case 'object': {
        const catchall = def['catchall'] as { _zod: { def: { type: string } } } | undefined;
        const own = catchall?._zod.def.type === 'never' ? [] : [path || '(top level)'];
        const shape = def['shape'] as Record<string, unknown>;
        return [
          ...own,
          ...Object.entries(shape).flatMap(([k, v]) => looseObjects(v, path ? `${path}.${k}` : k)),
        ];
      }
      case 'default':
      case 'prefault':
      case 'optional':
      case 'nullable':
        return looseObjects(def['innerType'], path);
      case 'array':
        return looseObjects(def['element'], `${path}[]`);
      case 'record':
        return looseObjects(def['valueType'], `${path}{}`);
      default:
        return [];
    }
  }

  it('has no z.object left (write strict.object from src/config-fields.ts)', () => {
    expect(looseObjects(configSchema, '')).toEqual([]);
  });

  it('the walk finds a loose object when there is one', () => {
    expect(looseObjects(z.object({ inner: z.object({}).prefault({}) }), '')).toEqual([
      '(top level)',
      'inner',
    ]);
  });
});
