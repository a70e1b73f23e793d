/**
 * Bodies sanitized on a second thread while the content layer's main thread reads, parses and
 * renders the next files: a cold build of a thousand pieces spent a third of a second sanitizing
 * on the main thread, with the machine's other core idle. The answers are the same function's
 * (sanitize-worker.ts runs sanitizeBodyHtml). Where the worker cannot run (worker-thread.ts:
 * installed under node_modules, Node does not strip its TypeScript), the bodies are sanitized on
 * the calling thread instead, and so are those it had not answered when it fails.
 */
import { Worker } from 'node:worker_threads';
import { sanitizeBodyHtml } from './sanitize-body.ts';
import { canRunOnWorker } from './worker-thread.ts';

export interface BodySanitizer {
  sanitize(html: string): Promise<string>;
  /** Stops the thread; bodies asked for after it are sanitized on the calling thread. */
  close(): Promise<void>;
  /** How many bodies the second thread answered (the rest were sanitized on the calling one). */
  readonly answeredOnThread: number;
}

const WORKER = new URL('./sanitize-worker.ts', import.meta.url);

export function threadedSanitizer(): BodySanitizer {
  const canRun = canRunOnWorker(WORKER);
  let worker: Worker | undefined;
  let closed = false;
  let nextId = 0;
  let answeredOnThread = 0;
  const waiting = new Map<
    number,
    { html: string; resolve: (html: string) => void; reject: (e: Error) => void }
  >();

  /** The worker is gone: what it had not answered is sanitized here. */
  const fallBack = () => {
    worker = undefined;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      try {
        job.resolve(sanitizeBodyHtml(job.html));
      } catch (error) {
        job.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
  };

  function started(): Worker | undefined {
    if (!canRun || closed) return undefined;
    if (worker) return worker;
    worker = new Worker(WORKER);
    worker.on('message', (answer: { id: number; html?: string; error?: string }) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      answeredOnThread++;
      if (answer.html !== undefined) job.resolve(answer.html);
      else job.reject(new Error(answer.error ?? 'the sanitizer thread gave no answer'));
    });
    worker.on('error', fallBack);
    worker.on('exit', fallBack);
    return worker;
  }

  return {
    sanitize(html) {
      const thread = started();
      if (!thread) return Promise.resolve().then(() => sanitizeBodyHtml(html));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { html, resolve, reject });
        thread.postMessage({ id, html });
      });
    },
    async close() {
      closed = true;
      const thread = worker;
      worker = undefined;
      if (thread) {
        thread.removeAllListeners('exit');
        thread.removeAllListeners('error');
        await thread.terminate();
      }
      fallBack();
    },
    get answeredOnThread() {
      return answeredOnThread;
    },
  };
}
