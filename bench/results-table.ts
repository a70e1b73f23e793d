/** The table `npm run bench` prints for each of its result files (run.ts, startup.ts), and the timing loop behind its rows. */

export interface BenchResult {
  case: string;
  runs: number;
  bestMs: number;
  medianMs: number;
  figure: string;
}

const WIDTHS = [72, 6, 10, 10] as const;

export function printResults(results: readonly BenchResult[]): void {
  console.log(
    ['case', 'runs', 'best ms', 'median ms']
      .map((h, i) => (i === 0 ? h.padEnd(WIDTHS[i]) : h.padStart(WIDTHS[i]!)))
      .join('') + '  figure',
  );
  for (const r of results) {
    console.log(
      r.case.padEnd(WIDTHS[0]) +
        String(r.runs).padStart(WIDTHS[1]) +
        String(r.bestMs).padStart(WIDTHS[2]) +
        String(r.medianMs).padStart(WIDTHS[3]) +
        `  ${r.figure}`,
    );
  }
}

/** A case: `runs` timed calls of `work`, and the figure said from the best time and the last answer. */
export type Measure = (
  name: string,
  runs: number,
  work: () => unknown | Promise<unknown>,
  figure: (ms: number, last: unknown) => string,
) => Promise<void>;

const round = (ms: number) => Math.round(ms * 10) / 10;

/** The measure that times each case and adds its row (best and median) to `results`. */
export function measureInto(results: BenchResult[]): Measure {
  return async (name, runs, work, figure) => {
    const times: number[] = [];
    let last: unknown;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      last = await work();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const best = times[0]!;
    results.push({
      case: name,
      runs,
      bestMs: round(best),
      medianMs: round(times[Math.floor(runs / 2)]!),
      figure: figure(best, last),
    });
  };
}
