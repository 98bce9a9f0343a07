/**
 * The API server's event TTL (--event-ttl, 1 h by default): Events whose lastTimestamp is older
 * than an hour of simulated time are deleted, so a long-running demo does not grow forever.
 */
import { timeMs } from './model';
import { R } from './resources';
import type { Controller, Runtime } from './runtime';

const TTL_MS = 3_600_000;
const SWEEP_MS = 60_000;

export class EventTtl implements Controller {
  readonly name = 'event-ttl';

  keysFor(): string[] {
    return [];
  }

  start(rt: Runtime): void {
    rt.enqueue(this.name, 'sweep', SWEEP_MS);
  }

  sync(_key: string, rt: Runtime): void {
    const cutoff = rt.now() - TTL_MS / rt.speed;
    for (const stored of rt.ctx.store.list(R.events)) {
      const e = stored.parse() as { lastTimestamp?: string; eventTime?: string; metadata: { creationTimestamp?: string } };
      const last = timeMs(e.lastTimestamp ?? e.eventTime ?? e.metadata.creationTimestamp);
      if (last && last < cutoff) rt.ctx.store.delete(R.events, stored.namespace, stored.name);
    }
    rt.enqueue(this.name, 'sweep', SWEEP_MS);
  }
}
