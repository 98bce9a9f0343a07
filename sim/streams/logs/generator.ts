/**
 * Reproducible container output. Each second of a container instance's life has its own seeded
 * generator (seed = instance identity + epoch second), so any time window, the tail, or the
 * history of a previous instance can be produced on demand without storing a byte, and two
 * requests always agree on what was printed.
 */
import { mix, Rng } from '../random';
import { burstLines, type LogProfile } from './profiles';

/** One container instance (one containerID): what it prints and when it lived. */
export interface LogInstance {
  seed: number;
  profile: LogProfile;
  pod: string;
  container: string;
  /** Epoch ms the process started. */
  startMs: number;
  /** Epoch ms it stopped; undefined while running. */
  endMs?: number;
  /** Exit code if stopped; non-zero ends the output with the profile's fatal lines. */
  exitCode?: number;
}

/** A physical log line with the runtime's nanosecond timestamp. */
export interface LogLine {
  /** Epoch second. */
  sec: number;
  /** Nanoseconds within the second. */
  nsec: number;
  text: string;
}

/** Chance per second of a burst of many lines (a flood of warnings, a batch dump). */
const BURST_CHANCE = 1 / 500;

/** Epoch ms of a line (sub-ms precision dropped). */
export function lineMs(line: LogLine): number {
  return line.sec * 1000 + Math.floor(line.nsec / 1e6);
}

/** Every line the instance printed during epoch second `sec`, in order. */
export function linesInSecond(instance: LogInstance, sec: number): LogLine[] {
  const { startMs, endMs } = instance;
  if ((sec + 1) * 1000 <= startMs || (endMs !== undefined && sec * 1000 >= endMs)) return [];
  const r = new Rng(mix(instance.seed, sec));
  const context = (nsec: number) => ({ ms: sec * 1000 + Math.floor(nsec / 1e6), pod: instance.pod, container: instance.container });
  const entries: Array<{ nsec: number; lines: string[] }> = [];

  const startSec = Math.floor(startMs / 1000);
  let floorNs = 0;
  if (sec === startSec) {
    const nsec = (startMs % 1000) * 1e6 + r.int(1000, 900000);
    entries.push({ nsec, lines: instance.profile.startup(r, context(nsec)) });
    floorNs = nsec + 1e6;
  }
  const count = r.poisson(instance.profile.rate);
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(r.int(floorNs, 999_999_000));
  offsets.sort((a, b) => a - b);
  for (const nsec of offsets) entries.push({ nsec, lines: instance.profile.entry(r, context(nsec)) });
  if (r.chance(BURST_CHANCE) && sec > startSec) {
    const nsec = r.int(floorNs, 900_000_000);
    entries.push({ nsec, lines: burstLines(r, context(nsec), r.int(40, 300)) });
  }
  if (endMs !== undefined && instance.exitCode && sec === Math.floor((endMs - 1) / 1000)) {
    const nsec = ((endMs - 1) % 1000) * 1e6;
    entries.push({ nsec, lines: instance.profile.fatal(r, context(nsec)) });
  }
  entries.sort((a, b) => a.nsec - b.nsec);

  const out: LogLine[] = [];
  for (const entry of entries) {
    // A runtime stamps each physical line; lines of one entry follow each other by a few µs.
    entry.lines.forEach((text, i) => out.push({ sec, nsec: Math.min(entry.nsec + i * 1000 + 1, 999_999_999), text }));
  }
  return out.filter((line) => {
    const ms = lineMs(line);
    return ms >= startMs && (endMs === undefined || ms < endMs);
  });
}

/** Lines with fromMs <= time < toMs, oldest first. */
export function linesBetween(instance: LogInstance, fromMs: number, toMs: number): LogLine[] {
  const out: LogLine[] = [];
  const first = Math.floor(Math.max(fromMs, instance.startMs) / 1000);
  const last = Math.floor((Math.min(toMs, instance.endMs ?? toMs) - 1) / 1000);
  for (let sec = first; sec <= last; sec++) {
    for (const line of linesInSecond(instance, sec)) {
      const ms = lineMs(line);
      if (ms >= fromMs && ms < toMs) out.push(line);
    }
  }
  return out;
}

/** The last `count` lines with fromMs <= time < toMs, oldest first; walks backwards so it stays cheap. */
export function lastLines(instance: LogInstance, count: number, fromMs: number, toMs: number): LogLine[] {
  if (count <= 0) return [];
  const chunks: LogLine[][] = [];
  let have = 0;
  const first = Math.floor(Math.max(fromMs, instance.startMs) / 1000);
  for (let sec = Math.floor((Math.min(toMs, instance.endMs ?? toMs) - 1) / 1000); sec >= first && have < count; sec--) {
    const lines = linesInSecond(instance, sec).filter((line) => {
      const ms = lineMs(line);
      return ms >= fromMs && ms < toMs;
    });
    chunks.push(lines);
    have += lines.length;
  }
  const all = chunks.reverse().flat();
  return all.slice(Math.max(0, all.length - count));
}

/** RFC3339Nano as Go formats it (trailing zeros of the fraction trimmed), e.g. 2026-11-27T00:04:01.12345Z. */
export function rfc3339Nano(line: Pick<LogLine, 'sec' | 'nsec'>): string {
  const base = new Date(line.sec * 1000).toISOString().slice(0, 19);
  const fraction = String(line.nsec).padStart(9, '0').replace(/0+$/, '');
  return `${base}${fraction ? `.${fraction}` : ''}Z`;
}
