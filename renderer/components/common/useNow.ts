import { useEffect, useMemo, useRef, useState } from 'react';

/**
 * Data may be this much newer than the `now` it is rendered at: kubectl's ages read "0s" up to
 * a second (and a bit) in the future. Re-reading the clock less often keeps memoised table cells
 * from re-rendering on every 50 ms batch of a busy cluster.
 */
const TOLERATED_MS = 1_000;

/**
 * The current time for ages, refreshed every `intervalMs` (ages tick without re-fetching) and
 * when `data` changes (by identity) while the last reading is over a second old: a row that
 * arrived between two ticks must not be rendered at the older tick, where it would look younger
 * than zero ("<invalid>").
 */
export function useNow(intervalMs = 10_000, data?: unknown): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  const last = useRef(tick);
  // `data` is the trigger, not an input: a new list means "read the clock again".
  return useMemo(() => {
    const current = Date.now();
    last.current = current - Math.max(tick, last.current) > TOLERATED_MS ? current : Math.max(tick, last.current);
    return last.current;
  }, [tick, data]);
}
