/**
 * Exponential backoff with "equal jitter", shared by the core's informers (reconnecting a watch)
 * and the renderer's resilient client (reconnecting the link to the core).
 *
 * delay = step/2 + step/2 · random(), where step = base·2^(attempt-1) capped at max. Never less
 * than half the step, so retries still spread out (no thundering herd after an outage) and
 * still back off; never more than the cap.
 */
export interface BackoffOptions {
  /** The step of the first attempt, in ms. */
  baseMs: number;
  /** The largest step, in ms. */
  maxMs: number;
  /** A source of [0, 1) (default Math.random); tests pass a fixed one. */
  random?: () => number;
}

/** The delay before retry number `attempt` (1-based; 0 or less counts as 1). */
export function backoffDelay(attempt: number, { baseMs, maxMs, random = Math.random }: BackoffOptions): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
