import { useEffect, useState } from 'react';

/** Whole seconds left until `target` (epoch ms or ISO time), ticking every second; 0 when past. */
export function useCountdown(target: number | string | undefined): number {
  const at = typeof target === 'string' ? Date.parse(target) : target;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  if (at === undefined || Number.isNaN(at)) return 0;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
