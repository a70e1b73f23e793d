/** Plain aligned text tables for the terminal. */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  rightAlign: readonly number[] = [],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (rightAlign.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const thousands = (n: number) => n.toLocaleString('en-US');
