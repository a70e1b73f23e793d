/** The command context now lives with the use cases (src/jobs/context.ts); verbs import it from here too. */
export { type CliEnvironment, CommandContext, type GlobalFlags, type Output } from '../jobs/context.ts';
