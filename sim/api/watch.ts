/**
 * Watch streams: newline-delimited JSON events over a chunked response, resume from a
 * resourceVersion, bookmarks, streaming lists (sendInitialEvents), timeouts, 410 Expired as an
 * ERROR event, and the chaos faults (drop, stall, malformed and truncated lines).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, apiVersionOf, type ChaosKnobs, type ResourceType, type Store, type StoredObject, type WatchEventType } from '../types';
import { PeriodicChaos } from './periodicChaos';

export interface WatchRequest {
  rt: ResourceType;
  /** Store key objects live under (differs from rt.key for converted views). */
  storeKey: string;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  allowBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
  /** Turns a stored object into the JSON sent as `object` (Table row, metadata, conversion). */
  render: (o: StoredObject) => string;
}

interface Connection {
  res: ServerResponse;
  stalled: boolean;
  close(): void;
}

/** Tracks open watches so they can be dropped or stalled on demand. */
export class WatchHub {
  private conns = new Set<Connection>();
  private stalled = false;
  private dropTimer?: NodeJS.Timeout;
  private readonly periodic: PeriodicChaos;

  constructor(
    private store: Store,
    private chaos: ChaosKnobs,
    private bookmarkIntervalMs: () => number,
  ) {
    this.periodic = new PeriodicChaos(chaos, { compact: () => store.compact(), stallOpenWatches: () => this.stallOpen() });
  }

  get size(): number {
    return this.conns.size;
  }

  dropAll(): void {
    for (const c of [...this.conns]) c.close();
  }

  /** Stops writing to open (and new) watches; `false` resumes by closing the stalled ones. */
  stall(on: boolean): void {
    this.stalled = on;
    for (const c of [...this.conns]) {
      if (on) c.stalled = true;
      else if (c.stalled) c.close();
    }
  }

  /**
   * Stalls the watches open now: they stay open but get nothing more (not even bookmarks) until
   * the client closes them; watches opened later are served normally. `stall(false)` closes them.
   */
  stallOpen(): void {
    for (const c of this.conns) c.stalled = true;
  }

  /**
   * (Re)arms the periodic drop from chaos.dropWatchesEverySeconds, and starts the periodic
   * compaction and stalls (chaos.compactEverySeconds, chaos.stallWatchesEverySeconds).
   */
  scheduleDrops(): void {
    this.periodic.start();
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropTimer = undefined;
    const k = this.chaos.dropWatchesEverySeconds;
    if (k > 0) {
      this.dropTimer = setInterval(() => this.dropAll(), k * 1000);
      this.dropTimer.unref();
    }
  }

  stop(): void {
    this.periodic.stop();
    if (this.dropTimer) clearInterval(this.dropTimer);
    this.dropAll();
  }

  serve(req: IncomingMessage, res: ServerResponse, w: WatchRequest): void {
    const store = this.store;
    let afterRev: number | undefined;
    let initial: StoredObject[] = [];
    const rv = w.resourceVersion;
    let expired: ApiError | undefined;
    if (rv && rv !== '0') {
      afterRev = store.decodeRv(rv); // 400 for garbage, 410 for another run's
      if (afterRev > store.revision()) afterRev = store.revision();
      if (!w.sendInitialEvents && afterRev < store.oldestResumableRev(w.storeKey)) {
        expired = new ApiError(410, 'Expired', `too old resource version: ${rv} (${store.encodeRv(store.oldestResumableRev(w.storeKey))})`);
      }
    }
    if (w.sendInitialEvents || !rv || rv === '0') {
      initial = store.list(w.storeKey, { namespace: w.namespace, labelSelector: w.labelSelector, fieldSelector: w.fieldSelector });
      afterRev = undefined;
    }

    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders();

    const conn: Connection = { res, stalled: this.stalled, close: () => finish() };
    const kind = w.rt.kind;
    const apiVersion = apiVersionOf(w.rt);
    let closed = false;
    const chaos = this.chaos;

    const write = (line: string): void => {
      if (closed || conn.stalled) return;
      if (chaos.truncatedWatchRate > 0 && Math.random() < chaos.truncatedWatchRate) {
        // Cut the line mid-way and drop the connection once that much has gone out.
        closed = true;
        res.write(line.slice(0, Math.max(1, Math.floor(line.length / 2))), () => {
          closed = false;
          finish(true);
        });
        return;
      }
      if (chaos.malformedWatchRate > 0 && Math.random() < chaos.malformedWatchRate) {
        res.write(`{"type":"MODIFIED","object":{"kind":"${kind}","metadata":{"name":\n`);
        return;
      }
      res.write(line);
      // A consumer that cannot keep up is cut off, as the apiserver does with slow watchers.
      if (res.writableLength > 64 * 1024 * 1024) finish(true);
    };
    const eventLine = (type: WatchEventType, o: StoredObject) => `{"type":"${type}","object":${w.render(o)}}\n`;
    const bookmark = (annotations?: Record<string, string>) =>
      `{"type":"BOOKMARK","object":{"kind":"${kind}","apiVersion":"${apiVersion}","metadata":{"resourceVersion":"${store.encodeRv(store.revision())}"${annotations ? `,"annotations":${JSON.stringify(annotations)}` : ''}}}}\n`;

    let unsubscribe: () => void = () => {};
    const timers: NodeJS.Timeout[] = [];
    const finish = (destroy = false) => {
      if (closed) return;
      closed = true;
      unsubscribe();
      for (const t of timers) clearInterval(t);
      this.conns.delete(conn);
      if (destroy) res.destroy();
      else res.end();
    };
    req.on('close', () => finish());
    res.on('error', () => finish(true));

    if (expired) {
      write(`{"type":"ERROR","object":${JSON.stringify(expired.toStatus())}}\n`);
      finish();
      return;
    }

    this.conns.add(conn);
    for (const o of initial) write(eventLine('ADDED', o));
    if (w.sendInitialEvents) write(bookmark({ 'k8s.io/initial-events-end': 'true' }));
    try {
      unsubscribe = store.watch(
        w.storeKey,
        { namespace: w.namespace, labelSelector: w.labelSelector, fieldSelector: w.fieldSelector, afterRev: afterRev ?? store.revision() },
        (e) => write(eventLine(e.type, e.object)),
      );
    } catch (err) {
      const status = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));
      write(`{"type":"ERROR","object":${JSON.stringify(status.toStatus())}}\n`);
      finish();
      return;
    }
    if (w.allowBookmarks) {
      const every = this.bookmarkIntervalMs();
      const t = setInterval(() => write(bookmark()), every);
      t.unref();
      timers.push(t);
    }
    // Like the apiserver: the requested timeout, else a random 30–60 minutes.
    const timeout = w.timeoutSeconds !== undefined ? w.timeoutSeconds * 1000 : (1800 + Math.random() * 1800) * 1000;
    const t = setTimeout(() => finish(), timeout);
    t.unref();
    timers.push(t);
  }
}
