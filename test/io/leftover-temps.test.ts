import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { writeFolderAtomic } from '../../src/io/folder-swap.ts';
import { removeLeftovers } from '../../src/io/leftover-temps.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'wirecopy-leftovers-'));
/** The pid of a process that has exited (the kernel may hand it out again, but not this soon). */
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

describe('removeLeftovers', () => {
  it('removes the temp files and folders of processes that are gone, and nothing else', () => {
    const dir = folder();
    const dead = deadPid();
    const files = {
      gone: `.2025-09-18-record-high.md.${dead}-0a1b2c3d.tmp`,
      alive: `.2025-09-18-daily-wrap.md.${process.ppid}-0a1b2c3d.tmp`,
      mine: `.2025-09-18-weekly-recap.md.${process.pid}-0a1b2c3d.tmp`,
      other: '.gitkeep',
      draft: '2025-09-18-record-high.md',
    };
    for (const name of Object.values(files)) writeFileSync(join(dir, name), 'x');
    mkdirSync(join(dir, `.2025-w48.${dead}-99aa88bb.tmp`));
    writeFileSync(join(dir, `.2025-w48.${dead}-99aa88bb.tmp`, 'email.html'), '<p>');

    const cleanup = removeLeftovers(dir);

    expect(cleanup.removed.sort()).toEqual(
      [join(dir, files.gone), join(dir, `.2025-w48.${dead}-99aa88bb.tmp`)].sort(),
    );
    expect(readdirSync(dir).sort()).toEqual([files.alive, files.mine, files.other, files.draft].sort());
  });

  it('removes an older wirecopy’s temp files (no pid in the name) only when older than this process', () => {
    const dir = folder();
    const stale = join(dir, '.2025-09-18-record-high.md.0123456789ab.tmp');
    const fresh = join(dir, '.2025-09-18-daily-wrap.md.ba9876543210.tmp');
    writeFileSync(stale, 'x');
    writeFileSync(fresh, 'x');
    const beforeStart = new Date(Date.now() - process.uptime() * 1000 - 60_000);
    utimesSync(stale, beforeStart, beforeStart);
    expect(removeLeftovers(dir).removed).toEqual([stale]);
  });

  it('puts back a previous export a kill left moved aside, or deletes it once the new one is in place', () => {
    const dir = folder();
    const dead = deadPid();
    mkdirSync(join(dir, `.2025-w48.${dead}-00000001.old`));
    writeFileSync(join(dir, `.2025-w48.${dead}-00000001.old`, 'email.txt'), 'the previous issue');
    mkdirSync(join(dir, `.2025-w48.${dead}-00000002.tmp`));
    mkdirSync(join(dir, '2025-w49'));
    mkdirSync(join(dir, `.2025-w49.${dead}-00000003.old`));

    const cleanup = removeLeftovers(dir);

    expect(cleanup.restored).toEqual([join(dir, '2025-w48')]);
    expect(readFileSync(join(dir, '2025-w48', 'email.txt'), 'utf8')).toBe('the previous issue');
    expect(readdirSync(dir).sort()).toEqual(['2025-w48', '2025-w49']);
  });

  it('is a no-op for a folder that does not exist yet', () => {
    expect(removeLeftovers(join(folder(), 'drafts'))).toEqual({ removed: [], restored: [] });
  });
});

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
