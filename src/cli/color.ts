/**
 * Whether a command colours its output. In order: the command's own `--color` / `--no-color`;
 * then `FORCE_COLOR`, as Node documents it (1, true, 2, 3 or empty force colour and override
 * NO_COLOR; any other value, such as 0, turns it off); then `NO_COLOR` per https://no-color.org
 * (set and not empty: no colour; an empty NO_COLOR does not count); else colour only on a terminal.
 */
const FORCE_COLOR_ON = new Set(['', '1', 'true', '2', '3']);

export function wantsColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return FORCE_COLOR_ON.has(force);
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return isTerminal;
}
