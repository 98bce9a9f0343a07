import { useEffect, useMemo, useState } from 'react';

/**
 * The current time for ages, refreshed every `intervalMs` (ages tick without re-fetching) and
 * whenever `data` changes (by identity): a row that arrived between two ticks must not be
 * rendered at the older tick, where it would look younger than zero.
 */
export function useNow(intervalMs = 10_000, data?: unknown): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  // `data` is the trigger, not an input: a new list means "read the clock again".
  return useMemo(() => Math.max(tick, Date.now()), [tick, data]);
}
