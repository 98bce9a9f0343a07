/** Exponential backoff with jitter: base·2^(attempt-1), capped, then scaled by 0.5–1.0 at random. */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random?: () => number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": never less than half the step, so retries still spread out and back off.
  return Math.round(exp / 2 + (exp / 2) * random());
}
