/**
 * Which series a single-symbol file holds, from its name: `^GSPC.csv`, `GSPC.csv` and `SPX.csv`
 * are the S&P 500, `RUT_ibkr.csv` the Russell 2000, `ZQ_202612.csv` a fed funds contract.
 *
 * Names are matched against the registry's aliases, not stripped of arbitrary suffixes: guessing
 * `IWM` from `IWM_adjusted.csv` would store adjusted prices as IWM's closes. Only Stooq's own
 * download suffixes (`spx_d.csv`, `iwm.us.csv`) are removed, since they never change the series.
 */
import type { SymbolRegistry } from '../../symbols.ts';
import type { SymbolKey } from '../../types.ts';

const STOOQ_SUFFIXES = ['_d', '.us'];

/** The file name without folders and without its last extension: `data/^RUT.csv` → `^RUT`. */
export function fileStem(file: string): string {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function symbolFromFileName(file: string, registry: SymbolRegistry): SymbolKey | undefined {
  const stem = fileStem(file);
  const direct = registry.resolve(stem);
  if (direct) return direct.key;
  for (const suffix of STOOQ_SUFFIXES) {
    if (stem.toLowerCase().endsWith(suffix)) {
      const found = registry.resolve(stem.slice(0, -suffix.length));
      if (found) return found.key;
    }
  }
  return undefined;
}
