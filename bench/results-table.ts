/** The table `npm run bench` prints for each of its result files (run.ts, startup.ts). */

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
