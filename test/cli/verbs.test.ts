import { describe, expect, it } from 'vitest';
import { VERBS, verbNamed } from '../../src/cli/verbs.ts';

describe('the lazy verb table', () => {
  it("repeats each verb's own name and description, so --help says what the verb says", async () => {
    for (const verb of VERBS) {
      const command = (await verb.load())(() => {
        throw new Error('no context while building the command tree');
      });
      expect(command.name()).toBe(verb.name);
      expect(verb.summary, verb.name).toBe(command.description());
    }
  });

  it('finds the verb after global options and their values, and after help', () => {
    expect(verbNamed(['--store', 'stats', 'draft'])?.name).toBe('draft');
    expect(verbNamed(['--config=x.json', 'stats', '--json'])?.name).toBe('stats');
    expect(verbNamed(['help', 'check'])?.name).toBe('check');
    expect(verbNamed(['--help'])).toBeUndefined();
    expect(verbNamed(['nonsense'])).toBeUndefined();
    expect(verbNamed(['--', 'stats'])).toBeUndefined();
  });
});
