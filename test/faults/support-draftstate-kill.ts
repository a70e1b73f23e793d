/**
 * Preloaded into a child `wirecopy` (`node --import`) to kill it with SIGKILL at one point of a
 * draft write, as a crash or `kill -9` would: `WIRECOPY_TEST_KILL=before-rename` just before a
 * file is renamed onto `content/drafts/*.md` (the temp file is complete, the draft not there yet),
 * `after-rename` just after (the draft is there, nothing after it ran). Every rename form is
 * patched, so the point holds whichever way the atomic write helper renames.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const point = process.env['WIRECOPY_TEST_KILL'];
const isDraft = (target: unknown) => /[\\/]drafts[\\/][^\\/]+\.md$/.test(String(target));
const kill = () => process.kill(process.pid, 'SIGKILL');

if (point === 'before-rename' || point === 'after-rename') {
  const { rename, renameSync } = fs;
  const renamePromise = fs.promises.rename;
  fs.rename = ((from: fs.PathLike, to: fs.PathLike, callback: fs.NoParamCallback) => {
    if (!isDraft(to)) return rename(from, to, callback);
    if (point === 'before-rename') kill();
    rename(from, to, (error) => {
      if (!error) kill();
      callback(error);
    });
  }) as typeof fs.rename;
  fs.renameSync = (from, to) => {
    if (isDraft(to) && point === 'before-rename') kill();
    renameSync(from, to);
    if (isDraft(to)) kill();
  };
  fs.promises.rename = async (from, to) => {
    if (isDraft(to) && point === 'before-rename') kill();
    await renamePromise(from, to);
    if (isDraft(to)) kill();
  };
  syncBuiltinESMExports();
}
