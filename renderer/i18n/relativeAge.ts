/**
 * Ages for display in the UI. Timestamps come from the API server's clock and "now" from the
 * desktop's (refreshed on a timer): a brand-new object can look a few seconds in the future.
 * kubectl prints "<invalid>" then; an operator only needs to know it just happened.
 */
import { formatAge, toEpochMs } from '../../app/format/age';

/** Below this an "… ago" phrase reads "just now" (ages are refreshed about this often). */
export const JUST_NOW_MS = 10_000;

/** kubectl's age ("45s", "3h4m"), never negative: a timestamp ahead of `now` reads "0s". */
export function clampedAge(iso: string | undefined, now: number): string {
  return formatAge(iso, Math.max(now, toEpochMs(iso) ?? now));
}

export type RelativeAge = { kind: 'unknown' } | { kind: 'justNow' } | { kind: 'ago'; age: string };

/** What an "… ago" phrase says for a timestamp at `now`: unknown, just now, or kubectl's age. */
export function relativeAge(iso: string | undefined, now: number): RelativeAge {
  const then = toEpochMs(iso);
  if (then === undefined) return { kind: 'unknown' };
  if (now - then < JUST_NOW_MS) return { kind: 'justNow' };
  return { kind: 'ago', age: clampedAge(iso, now) };
}

/**
 * The `now` a table row is rendered at: never before the object's creation, so its AGE (and any
 * time derived from it) cannot read "<invalid>" when the server's clock runs ahead of ours.
 */
export function rowNow(creationTimestamp: string | undefined, now: number): number {
  return Math.max(now, toEpochMs(creationTimestamp) ?? now);
}
