/**
 * Issue 14, item 4: shell completion. The bash script `wirecopy completion bash` prints is
 * loaded into a real bash and asked, as the shell asks it on TAB (COMP_WORDS, COMP_CWORD).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { workspace } from '../support/cli.ts';

const HAS_BASH = existsSync('/bin/bash');

describe.skipIf(!HAS_BASH)('wirecopy completion bash', async () => {
  const ws = workspace();
  const printed = await ws.run(['completion', 'bash']);
  /** What the completion offers for the words typed so far (the last one being completed). */
  const complete = (...words: string[]): string[] => {
    const typed = ['wirecopy', ...words].map((w) => `'${w}'`).join(' ');
    const run = spawnSync(
      '/bin/bash',
      [
        '-c',
        `${printed.stdout}\nCOMP_WORDS=(${typed}); COMP_CWORD=${words.length}; _wirecopy; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    return run.stdout.split('\n').filter(Boolean);
  };

  it('prints the script and exits 0', () => {
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain('complete -o default -F _wirecopy wirecopy');
  });

  it('completes verbs, after global options and their values too', () => {
    expect(complete('st')).toEqual(['stats', 'status', 'style']);
    expect(complete('--store', 'x.db', 'dr')).toEqual(['draft']);
    expect(complete('--ver')).toEqual(['--version']);
  });

  it("completes a verb's options, a subcommand and its options, and the shells", () => {
    expect(complete('draft', '--a')).toEqual(['--as-of', '--all']);
    expect(complete('templates', '')).toEqual(['check', '--help']);
    expect(complete('templates', 'check', '--j')).toEqual(['--json']);
    expect(complete('completion', '')).toEqual(['bash', 'zsh', '--help']);
  });

  it("leaves a verb's arguments to the shell's file completion", () => {
    expect(complete('check', 'content/')).toEqual([]);
    expect(complete('diff', '--json', 'con')).toEqual([]);
  });
});

describe('wirecopy completion zsh', () => {
  it('is the same function through bashcompinit; an unknown shell is a usage error (exit 2)', async () => {
    const ws = workspace();
    const zsh = await ws.run(['completion', 'zsh']);
    expect(zsh.code).toBe(0);
    expect(zsh.stdout.split('\n')[0]).toBe('#compdef wirecopy');
    expect(zsh.stdout).toContain('autoload -U +X bashcompinit && bashcompinit');
    expect(zsh.stdout).toContain('complete -o default -F _wirecopy wirecopy');
    const fish = await ws.run(['completion', 'fish']);
    expect(fish.code).toBe(2);
    expect(fish.stderr).toContain('no completion for the shell "fish"');
  });
});
