import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { writeFolderAtomic } from '../../src/io/folder-swap.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'wirecopy-folder-swap-'));

describe('writeFolderAtomic', () => {
  it('replaces a previous version with exactly the new files and leaves nothing beside it', () => {
    const dir = folder();
    const target = join(dir, '2025-w48');
    writeFolderAtomic(target, [
      { name: 'email.html', data: '<p>first</p>' },
      { name: 'email.txt', data: 'first' },
    ]);
    writeFolderAtomic(target, [
      { name: 'email.html', data: '<p>second</p>' },
      { name: 'email.txt', data: 'second' },
    ]);
    expect(readdirSync(dir)).toEqual(['2025-w48']);
    expect(readdirSync(target).sort()).toEqual(['email.html', 'email.txt']);
    expect(readFileSync(join(target, 'email.html'), 'utf8')).toBe('<p>second</p>');
    expect(readFileSync(join(target, 'email.txt'), 'utf8')).toBe('second');
  });

  it('refuses to replace a folder that holds other files, and changes nothing', () => {
    const dir = folder();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const error = (() => {
      try {
        writeFolderAtomic(dir, [{ name: 'email.html', data: '<p>' }]);
      } catch (e) {
        return e;
      }
    })();
    expect(isWirecopyError(error) && error.code).toBe('UsageError');
    expect((error as Error).message).toBe(
      `${dir} holds files that are not part of an export (notes.txt), so it was not replaced.`,
    );
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses to replace the folder it runs in, even when empty', () => {
    const dir = folder();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(() => writeFolderAtomic(dir, [{ name: 'email.html', data: '<p>' }])).toThrow(
        `${dir} is the folder wirecopy runs in (or holds it), so it was not replaced.`,
      );
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
});
