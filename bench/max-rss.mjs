/**
 * Preloaded into a build (`NODE_OPTIONS=--import`) by bench/site.ts: at exit, appends the
 * process's peak resident memory (kB, from getrusage) to the file in WIRECOPY_BENCH_RSS_FILE,
 * so the bench can report each build's peak memory beside its time.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.WIRECOPY_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
  });
}
