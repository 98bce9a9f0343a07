/** Ages and timestamps for display. */

/**
 * A duration in kubectl's words (k8s.io/apimachinery/pkg/util/duration.HumanDuration), the AGE
 * column every operator reads: "45s", "5m12s", "3h4m", "2d5h", "18d", "3y40d". Units are
 * Kubernetes notation and stay as they are in every language.
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // Up to a second in the future is tolerated as clock skew, as kubectl does.
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const d = days % 365;
    return d === 0 ? `${years}y` : `${years}y${d}d`;
  }
  return `${years}y`;
}

/** Milliseconds since the epoch of an ISO string, Date or number; undefined when missing or invalid. */
export function toEpochMs(t: string | Date | number | undefined | null): number | undefined {
  if (t === undefined || t === null || t === '') return undefined;
  const ms = typeof t === 'number' ? t : typeof t === 'string' ? Date.parse(t) : t.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** Age of a timestamp at `now` as kubectl prints it; "<unknown>" without a valid timestamp. */
export function formatAge(isoOrDate: string | Date | number | undefined | null, now: number | Date): string {
  const then = toEpochMs(isoOrDate);
  if (then === undefined) return '<unknown>';
  const nowMs = typeof now === 'number' ? now : now.getTime();
  return humanDuration(nowMs - then);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A timestamp as local date and time in the given locale ("Nov 27, 2026, 2:05:09 AM",
 * "2026年11月27日 02:05:09"). `timeZone` defaults to the system's; tests pin it. Empty for a
 * missing or invalid timestamp.
 */
export function formatTimestamp(iso: string | Date | number | undefined | null, locale: string, timeZone?: string): string {
  const ms = toEpochMs(iso);
  if (ms === undefined) return '';
  const key = `${locale}|${timeZone ?? ''}`;
  let fmt = dateTimeFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
    dateTimeFormats.set(key, fmt);
  }
  return fmt.format(ms);
}
