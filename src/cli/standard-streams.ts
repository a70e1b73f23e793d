/**
 * The terminal's output streams for the CLI. A reader that stops reading
 * (`wirecopy stats --json | head -1`) closes the pipe, and the next write fails with EPIPE:
 * like a well-behaved Unix tool, wirecopy then stops printing, quietly, and finishes what it
 * was doing (a draft or an import is never left half-written because nobody read the output).
 */

/** A line printer on `stream` that goes silent once the reader has gone away. */
export function linePrinter(stream: NodeJS.WritableStream & { destroyed?: boolean }): (text: string) => void {
  let readerGone = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') readerGone = true;
    else throw error;
  });
  return (text) => {
    if (readerGone || stream.destroyed) return;
    stream.write(`${text}\n`);
  };
}
