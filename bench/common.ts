/** What the benchmark steps share: the running simulator, the settings, small formatting helpers. */
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SimChild } from './simChild';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

export interface BenchContext {
  sim: SimChild;
  /** BENCH_RUNS: repetitions of each step. */
  runs: number;
}

export const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Median (mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** The 1/5/15-minute load average: wall times stretch on a busy machine, so every result carries it. */
export function loadAverage(): [number, number, number] {
  const [a, b, c] = loadavg();
  return [a, b, c];
}

export function machine(): string {
  return `${cpus().length} cores, load average ${loadAverage().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`;
}
