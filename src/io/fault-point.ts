/**
 * Named points where the fault-matrix tests interrupt wirecopy, as a crash or an editor would.
 * Inert in normal runs: one environment lookup and one map lookup.
 *
 * - `WIRECOPY_FAULT_POINT=<name>` makes the process kill itself (SIGKILL, no cleanup) when it
 *   reaches that point: the tests' kill -9 at an exact moment, in a child process.
 * - `onFaultPoint(name, action)` runs `action` there, in-process, for deterministic races (an
 *   editor's save landing between draft's hash check and its rename).
 *
 * Points: `before-rename:<file name>` (writeFileAtomic, and replaceText for approve and reject:
 * the new text complete in its temp file, the target still the old one) and
 * `old-moved-away:<folder name>` (writeFolderAtomic, between the two renames of a replaced export).
 */
const actions = new Map<string, () => void>();

export function faultPoint(name: string): void {
  actions.get(name)?.();
  if (process.env['WIRECOPY_FAULT_POINT'] === name) process.kill(process.pid, 'SIGKILL');
}

/** Test-only: runs `action` whenever `name` is reached, until the returned function is called. */
export function onFaultPoint(name: string, action: () => void): () => void {
  actions.set(name, action);
  return () => {
    actions.delete(name);
  };
}
