/**
 * What a desk request can get wrong, with the HTTP status it answers: the handlers throw these
 * and the server turns them into `{ error, lines }` JSON. Errors of the jobs (WirecopyError)
 * are answered with the lines the CLI prints for them (see `errorLines`).
 */
import { isWirecopyError, type WirecopyError } from '../errors.ts';

export class DeskRequestError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The lines `wirecopy` prints for an error (src/cli/main.ts): title and message, details, what to do. */
export function errorLines(error: WirecopyError): string[] {
  return [
    `${error.title}: ${error.message}`,
    ...error.details.map((line) => `  ${line}`),
    ...(error.hint ? [`What to do: ${error.hint}`] : []),
  ];
}

/** The HTTP status for a job's error: input problems 400, failed checks and busy folders 409/422. */
export function statusOf(error: unknown): number {
  if (error instanceof DeskRequestError) return error.status;
  if (isWirecopyError(error)) return error.exitCode === 2 ? 400 : 422;
  return 500;
}
