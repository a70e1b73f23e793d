/**
 * A signal from the config file replaces the default: its facts carry its id, the pattern
 * story follows it, and every template still resolves against it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.ts';

describe('a configured event-study signal', () => {
  it('computes its facts under its own id and the templates check against it', async () => {
    const ws = workspace('2026-11-21');
    const signal = {
      id: 'five-day-climb',
      name: 'five-day climb',
      kind: 'consecutive-returns',
      sessions: 5,
      minReturn: 0.005,
    };
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({ signals: [signal], stories: { pattern: 'five-day-climb' } }),
    );
    expect((await ws.run(['demo'])).code).toBe(0);
    const stats = JSON.parse((await ws.run(['stats', '--as-of', '2026-11-20', '--json'])).stdout);
    expect(stats.facts['RUT.pattern.five-day-climb.rule.sessions'].value).toBe(5);
    expect(stats.facts['RUT.pattern.five-day-climb.rule.min_return'].display).toBe('0.5%');
    expect(Object.keys(stats.facts).some((id) => id.includes('three-day-surge'))).toBe(false);
    const check = await ws.run(['templates', 'check']);
    expect(check.stdout).toContain('all names resolve');
    expect(check.code).toBe(0);
  });

  it('rejects a signal the schema does not know, naming the field', async () => {
    const ws = workspace();
    writeFileSync(
      join(ws.dir, 'wirecopy.config.json'),
      JSON.stringify({ signals: [{ id: 'X Y', kind: 'sideways' }] }),
    );
    const result = await ws.run(['stats']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/signals\.0\.id: a lowercase slug such as three-day-surge/);
  });
});
