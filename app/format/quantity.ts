/**
 * Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource): parsing to plain
 * numbers, and formatting CPU and memory for display.
 *
 *   quantity := sign? digits ("." digits?)? suffix  |  sign? "." digits suffix
 *   suffix   := "" | decimalSI (n u m k M G T P E) | binarySI (Ki Mi Gi Ti Pi Ei) | ("e"|"E") sign? digits
 *
 * Numbers are JavaScript doubles: exact for everything a cluster reports in practice (bytes up
 * to 2^53, millicores), which is all a dashboard needs; we never write quantities back.
 */
import { numberFormat } from './number';

/** Thrown for text that is not a Kubernetes quantity. */
export class QuantityError extends Error {
  override readonly name = 'QuantityError';
}

const DECIMAL_SI: Readonly<Record<string, number>> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const BINARY_SI: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(.*)$/;
const EXPONENT = /^[eE]([+-]?\d+)$/;

/** Parses a quantity ("100m", "1Gi", "2.5", "1e3", "500Ki") to a number of base units (cores, bytes). */
export function parseQuantity(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw new QuantityError(`invalid quantity ${text}: not a finite number`);
    return text;
  }
  const trimmed = text.trim();
  const m = QUANTITY.exec(trimmed);
  if (!m) throw new QuantityError(`invalid quantity "${text}": expected a number followed by an optional suffix`);
  const [, numberPart, suffix] = m;
  const value = Number(numberPart);
  if (suffix in BINARY_SI) return value * BINARY_SI[suffix];
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SI, suffix)) {
    // Multiply by integer powers where possible so "100m" gives 0.1 rather than 0.1000000000001.
    const factor = DECIMAL_SI[suffix];
    return factor < 1 ? value / Math.round(1 / factor) : value * factor;
  }
  const exp = EXPONENT.exec(suffix);
  if (exp) {
    const e = Number(exp[1]);
    return e < 0 ? value / 10 ** -e : value * 10 ** e;
  }
  throw new QuantityError(
    `invalid quantity "${text}": unknown suffix "${suffix}" (expected one of n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)`,
  );
}

/** Like parseQuantity, but undefined for a missing or invalid quantity (for display code). */
export function tryParseQuantity(text: string | number | undefined | null): number | undefined {
  if (text === undefined || text === null || text === '') return undefined;
  try {
    return parseQuantity(text);
  } catch {
    return undefined;
  }
}

/**
 * CPU for display: below one core in millicores ("250m"), else cores with up to two decimals
 * ("1.5", "12"). The "m" unit is Kubernetes notation and stays as is in every language.
 */
export function formatCpu(cores: number, locale: string): string {
  if (!Number.isFinite(cores)) return '';
  if (cores !== 0 && Math.abs(cores) < 1) {
    const milli = Math.round(cores * 1000);
    if (milli !== 0) return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(milli)}m`;
    return `${numberFormat(locale, { maximumSignificantDigits: 2 }).format(cores * 1000)}m`;
  }
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(cores);
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'] as const;

/** Bytes for display in binary units: 1536 → "1.5 KiB", 3 GiB → "3 GiB" (one decimal at most). */
export function formatBytes(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes)) return '';
  let unit = 0;
  let value = Math.abs(bytes);
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // Rounding can carry over to the next unit (1023.96 KiB → "1,024 KiB"): move up instead.
  if (unit < BYTE_UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? -1 : 1;
  const digits = unit === 0 ? 0 : 1;
  return `${numberFormat(locale, { maximumFractionDigits: digits }).format(sign * value)} ${BYTE_UNITS[unit]}`;
}
