/**
 * How much CPU, memory and network a simulated container uses at a given moment: a seeded base
 * inside the container's requests/limits, a slow trend and a bit of "noise", all built from
 * sines so the cumulative counters (cpu seconds, network bytes) have closed forms: any scrape at
 * any time gives monotonic counters without keeping samples.
 */
import { hash32, mix, Rng } from '../random';

/** One sinusoidal component: relative amplitude, angular frequency (rad/s) and phase. */
interface Wave {
  amplitude: number;
  omega: number;
  phase: number;
}

/** rate(t) = base · (1 + Σ aᵢ·sin(ωᵢ·t + φᵢ)); Σ aᵢ < 1 so rate stays positive. */
export class WaveSignal {
  constructor(
    readonly base: number,
    private readonly waves: Wave[],
  ) {}

  static seeded(base: number, seed: number, amplitudes: number[], periodsSeconds: Array<[number, number]>): WaveSignal {
    const r = new Rng(seed);
    const waves = amplitudes.map((amplitude, i) => {
      const [min, max] = periodsSeconds[i];
      return { amplitude, omega: (2 * Math.PI) / (min + r.next() * (max - min)), phase: r.next() * 2 * Math.PI };
    });
    return new WaveSignal(base, waves);
  }

  /** Value at epoch second t. */
  at(t: number): number {
    let factor = 1;
    for (const w of this.waves) factor += w.amplitude * Math.sin(w.omega * t + w.phase);
    return this.base * factor;
  }

  /** ∫ at(t) dt from `from` to `to` (epoch seconds). */
  integral(from: number, to: number): number {
    if (to <= from) return 0;
    let sum = to - from;
    for (const w of this.waves) sum += (w.amplitude / w.omega) * (Math.cos(w.omega * from + w.phase) - Math.cos(w.omega * to + w.phase));
    return this.base * sum;
  }
}

/** Resources as written in a container spec. */
export interface ResourceSpec {
  requests?: Record<string, string>;
  limits?: Record<string, string>;
}

const MI = 1024 * 1024;

/**
 * Kubernetes quantity to a number (cores for cpu, bytes for memory). Hand-written: a dozen
 * lines, and the streams should not depend on controller internals for it.
 */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined || q === null) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return 0;
  // Sub-unit suffixes divide (3800m → 3.8 exactly, not 3.8000000000000003).
  const divisors: Record<string, number> = { n: 1e9, u: 1e6, m: 1e3 };
  if (m[2] && m[2] in divisors) return Number(m[1]) / divisors[m[2]];
  const factors: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
  return Number(m[1]) * (m[2] ? factors[m[2]] : 1);
}

/** The usage model of one container instance. */
export class ContainerUsage {
  readonly cpu: WaveSignal;
  readonly memoryBase: number;
  private readonly memoryWave: WaveSignal;
  readonly rx: WaveSignal;
  readonly tx: WaveSignal;
  /** Bytes the container wrote to its writable layer. */
  readonly fsUsage: number;

  constructor(
    /** Identity of the instance (containerID): a restart gives new numbers and resets counters. */
    identity: string,
    resources: ResourceSpec | undefined,
    /** Epoch seconds the instance started. */
    readonly startSec: number,
  ) {
    const seed = hash32(identity);
    const r = new Rng(seed);
    const cpuRequest = parseQuantity(resources?.requests?.cpu);
    const cpuLimit = parseQuantity(resources?.limits?.cpu);
    const memRequest = parseQuantity(resources?.requests?.memory);
    const memLimit = parseQuantity(resources?.limits?.memory);

    // The waves add at most ±45 % (cpu) and ±12 % (memory), so these caps keep usage under limits.
    let cpuBase = cpuRequest > 0 ? cpuRequest * (0.12 + r.next() * 0.6) : 0.002 + r.next() * 0.05;
    if (cpuLimit > 0) cpuBase = Math.min(cpuBase, cpuLimit * 0.6);
    let memBase = memRequest > 0 ? memRequest * (0.35 + r.next() * 0.5) : (16 + r.next() * 240) * MI;
    if (memLimit > 0) memBase = Math.min(memBase, memLimit * 0.8);

    this.cpu = WaveSignal.seeded(cpuBase, mix(seed, 1), [0.25, 0.12, 0.08], [[1800, 7200], [120, 600], [20, 60]]);
    this.memoryBase = memBase;
    this.memoryWave = WaveSignal.seeded(1, mix(seed, 2), [0.06, 0.03], [[900, 5400], [45, 180]]);
    const netBase = 200 + r.next() * 60_000;
    this.rx = WaveSignal.seeded(netBase, mix(seed, 3), [0.4, 0.2], [[600, 3600], [30, 120]]);
    this.tx = WaveSignal.seeded(netBase * (0.3 + r.next() * 1.5), mix(seed, 4), [0.4, 0.2], [[600, 3600], [30, 120]]);
    this.fsUsage = Math.round((0.05 + r.next() * 40) * MI);
  }

  /** CPU in cores at epoch second t. */
  cpuCores(t: number): number {
    return t < this.startSec ? 0 : this.cpu.at(t);
  }

  /** Cumulative CPU seconds since the instance started (cAdvisor's counter). */
  cpuSeconds(t: number): number {
    return this.cpu.integral(this.startSec, t);
  }

  /** Working set in bytes: warms up over the first ~20 minutes, then wanders. */
  memoryBytes(t: number): number {
    if (t < this.startSec) return 0;
    const warm = 0.9 + 0.1 * (1 - Math.exp(-(t - this.startSec) / 1200));
    return Math.round(this.memoryBase * warm * this.memoryWave.at(t));
  }

  rxBytes(t: number): number {
    return Math.round(this.rx.integral(this.startSec, t));
  }

  txBytes(t: number): number {
    return Math.round(this.tx.integral(this.startSec, t));
  }
}
