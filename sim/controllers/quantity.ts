/**
 * resource.Quantity parsing for the scheduler and the volume binder.
 * Hand-written because it is a dozen lines and no small npm package matches Kubernetes' suffixes exactly.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** Parses "100m", "1.5", "128Mi", "1e3", "2G" into a plain number (cores for cpu, bytes for memory). */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined || q === null) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return 0;
  const n = Number(m[1]);
  const suffix = m[2];
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return 0;
}

/** Formats bytes the way `kubectl describe` shows capacities (e.g. 16393148Ki). */
export function formatKi(bytes: number): string {
  return `${Math.round(bytes / 1024)}Ki`;
}

/** Formats a byte size as a binary quantity Kubernetes users write (10Gi, 512Mi). */
export function formatBinary(bytes: number): string {
  for (const [suffix, factor] of Object.entries(BINARY).reverse()) {
    if (bytes >= factor && bytes % factor === 0) return `${bytes / factor}${suffix}`;
  }
  return String(bytes);
}
