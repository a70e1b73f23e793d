import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
