/**
 * A test-only hook for the fault-matrix suite: with `WIRECOPY_FAULT_POINT=<name>` in its
 * environment, the process kills itself with SIGKILL on reaching `<name>`, exactly as a kill -9
 * or a power cut would stop it there. Unset (every normal run), it does nothing. Only child
 * processes started by tests set it.
 */
export function faultPoint(name: string): void {
  if (process.env['WIRECOPY_FAULT_POINT'] === name) process.kill(process.pid, 'SIGKILL');
}
