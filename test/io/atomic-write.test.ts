import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWirecopyError } from '../../src/errors.ts';
import { tempPathFor, writeFileAtomic, writeNewFile } from '../../src/io/atomic-write.ts';
import { asDiskFullError, isDiskFull } from '../../src/io/disk-full.ts';
import { onFaultPoint } from '../../src/io/fault-point.ts';
import { fillLeaving, IS_ROOT, mountTmpfs, NOT_ROOT_REASON } from '../faults/support-atomic.ts';

const dir = () => mkdtempSync(join(tmpdir(), 'wirecopy-atomic-'));

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temp file beside it', () => {
    const folder = dir();
    const path = join(folder, 'piece.md');
    expect(writeFileAtomic(path, 'first\n')).toBe(true);
    expect(writeFileAtomic(path, 'second, longer\n')).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('second, longer\n');
    expect(readdirSync(folder)).toEqual(['piece.md']);
  });

  it('keeps the permissions of the file it replaces', () => {
    const path = join(dir(), 'draft.md');
    writeFileSync(path, 'first\n');
    chmodSync(path, 0o660);
    writeFileAtomic(path, 'second\n');
    expect(statSync(path).mode & 0o777).toBe(0o660);
  });

  it('writes bytes as given (a PNG is not text)', () => {
    const path = join(dir(), 'card.png');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]);
    writeFileAtomic(path, png);
    expect([...readFileSync(path)]).toEqual([...png]);
  });

  it('leaves the target alone when the precondition, run just before the rename, says no', () => {
    const folder = dir();
    const path = join(folder, 'draft.md');
    writeFileSync(path, 'the editor’s text\n');
    let renamedYet: boolean | undefined;
    const written = writeFileAtomic(path, 'generated text\n', {
      precondition: () => {
        // The new text is complete in the temp file by now: the target is still the old one.
        renamedYet = readFileSync(path, 'utf8') !== 'the editor’s text\n';
        return false;
      },
    });
    expect(written).toBe(false);
    expect(renamedYet).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('the editor’s text\n');
    expect(readdirSync(folder)).toEqual(['draft.md']);
  });

  it('stops at the before-rename fault point with the new text complete in a hidden temp file', () => {
    const folder = dir();
    const path = join(folder, 'email.txt');
    writeFileSync(path, 'old issue\n');
    let temps: string[] = [];
    const off = onFaultPoint('before-rename:email.txt', () => {
      temps = readdirSync(folder).filter((f) => f !== 'email.txt');
      throw new Error('simulated crash');
    });
    try {
      expect(() => writeFileAtomic(path, 'new issue\n')).toThrow('simulated crash');
    } finally {
      off();
    }
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(new RegExp(`^\\.email\\.txt\\.${process.pid}-[0-9a-f]{8}\\.tmp$`));
    // An error (unlike a kill) removes the temp file; the target is the old text.
    expect(readdirSync(folder)).toEqual(['email.txt']);
    expect(readFileSync(path, 'utf8')).toBe('old issue\n');
  });

  it('names temp files for their target and the process that wrote them', () => {
    expect(tempPathFor('/c/drafts/2025-09-18-record-high.md')).toMatch(
      new RegExp(`^/c/drafts/\\.2025-09-18-record-high\\.md\\.${process.pid}-[0-9a-f]{8}\\.tmp$`),
    );
  });

  it('refuses to create over an existing file, and leaves that file alone', () => {
    const path = join(dir(), 'taken.md');
    writeFileSync(path, 'someone else’s\n');
    expect(() => writeNewFile(path, 'mine\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(readFileSync(path, 'utf8')).toBe('someone else’s\n');
  });
});

if (!IS_ROOT) console.warn(NOT_ROOT_REASON);

describe.skipIf(!IS_ROOT)('writeFileAtomic on a full disk (tmpfs)', () => {
  // Mounted in beforeAll, not while collecting: a suite filtered out with -t runs no afterAll.
  let disk: ReturnType<typeof mountTmpfs> | undefined;
  beforeAll(() => {
    disk = mountTmpfs(join(dir(), 'disk'), 64);
  });
  afterAll(() => disk?.unmount());

  it('regression: a write that only partly fits is an error, not a truncated file (4,096 of 6,026 bytes)', () => {
    const folder = disk?.dir ?? '';
    const path = join(folder, 'article.md');
    writeFileSync(path, 'the old article\n');
    fillLeaving(folder, 4096);
    // 6,026 bytes, the size of the article in the issue: the first write takes 4,096 of them.
    const error = (() => {
      try {
        writeFileAtomic(path, 'x'.repeat(6026));
      } catch (e) {
        return e;
      }
    })();
    expect(isWirecopyError(error) && error.code).toBe('DiskFull');
    expect((error as Error).message).toBe(
      `Could not write ${path}: no room left (4,096 bytes free on its filesystem). The file is as it was before this command.`,
    );
    expect(readFileSync(path, 'utf8')).toBe('the old article\n');
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('isDiskFull', () => {
  it.each([
    [{ code: 'ENOSPC' }, true],
    [{ code: 'EDQUOT' }, true],
    // node:sqlite: SQLITE_FULL is result code 13 ("database or disk is full").
    [{ code: 'ERR_SQLITE_ERROR', errcode: 13, errstr: 'database or disk is full' }, true],
    [{ code: 'ERR_SQLITE_ERROR', errcode: 5, errstr: 'database is locked' }, false],
    [{ code: 'ERR_SQLITE_ERROR', errcode: 1, errstr: 'cannot rollback - no transaction is active' }, false],
    [{ code: 'EACCES' }, false],
    ['ENOSPC', false],
    [undefined, false],
  ])('%j → %s', (error, expected) => {
    expect(isDiskFull(error)).toBe(expected);
  });

  it('turns a raw ENOSPC that reached main into the catalogue error naming its path', () => {
    const raw = Object.assign(new Error('ENOSPC: no space left on device, mkdir'), {
      code: 'ENOSPC',
      path: '/nowhere/content/articles',
    });
    const error = asDiskFullError(raw, '/x/market.db');
    expect(error?.code).toBe('DiskFull');
    expect(error?.message).toMatch(/^Could not write \/nowhere\/content\/articles: no room left \(/);
    expect(asDiskFullError(new Error('other'), '/x/market.db')).toBeUndefined();
  });
});
