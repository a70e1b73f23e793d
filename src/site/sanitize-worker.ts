/**
 * The body sanitizer on its own thread (see sanitizer-thread.ts): a message `{ id, html }` is
 * answered with `{ id, html }`, sanitized, or `{ id, error }`.
 */
import { parentPort } from 'node:worker_threads';
import { sanitizeBodyHtml } from './sanitize-body.ts';

parentPort?.on('message', ({ id, html }: { id: number; html: string }) => {
  try {
    parentPort?.postMessage({ id, html: sanitizeBodyHtml(html) });
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
