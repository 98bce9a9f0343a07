/**
 * One list+watch of a (context, resource, namespace, selectors): the only place that talks to
 * the API server for list data. See docs/architecture.md ("Watches") for the life cycle:
 *
 *   connecting → list pages (each sent as it arrives) → synced → watch from the list's resourceVersion → live
 *   watch ends at its timeout          → re-watch from the last resourceVersion (silently)
 *   dropped / stalled / malformed line → reconnecting (backoff with jitter), resume
 *   410 Gone                           → relist → only the differences (deleted-while-away objects vanish)
 *   401 / 403 / 404                    → failed with the API's message, retried slowly
 *
 * resourceVersions are opaque strings: stored and sent back, never compared or parsed.
 */
import type { Readable } from 'node:stream';
import { ContractError, toErrorData, errorCodeForStatus, type ContractErrorData, type DisplayMessage } from '../../../app/contract/errors';
import { objectKey, type KubeObject, type ResourceRef } from '../../../app/kube/object';
import { backoffDelay } from '../../../app/watch/backoff';
import type { StreamReason, StreamStatus, WatchChange, WatchEvent } from '../../../app/watch/types';
import type { KubeRequest } from '../http/kubeHttp';
import { collectionPath, normalizeObject } from './normalize';
import { relistDiff } from './relistDiff';
import { MAX_WATCH_LINE, WatchLineSplitter } from './watchLines';

/** The two requests an informer makes; bound to one cluster's transport. */
export interface ListWatchClient {
  requestJson<T>(req: KubeRequest): Promise<T>;
  openStream(req: KubeRequest): Promise<Readable>;
}

export interface InformerTarget {
  ref: ResourceRef;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface InformerOptions {
  pageSize?: number;
  /** Abort and reconnect a watch that sent no byte for this long (default 90 s). */
  watchdogMs?: number;
  /** Coalescing window for changes (default 50 ms). */
  tickMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Retry interval after 401/403/404 (default 30 s): no retry storm against RBAC. */
  failedRetryMs?: number;
  /**
   * Server-side watch timeout in seconds. Default: random within 50–80 % of the watchdog, so a
   * healthy server always ends a quiet watch before the watchdog would call it stalled.
   */
  watchTimeoutSeconds?: () => number;
  log?: (message: string) => void;
  random?: () => number;
}

interface KubeList {
  kind?: string;
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

/** Why a stream is not live: a reason for the short label, and the sentence (English for logs, a message id for people). */
interface Why {
  reason: StreamReason;
  message: string;
  display?: DisplayMessage;
  detail?: string;
}

type WatchEnd = { kind: 'timeout' } | ({ kind: 'gone' } & Why) | ({ kind: 'broken' } & Why);

/** A stream status reason for an error that crossed our own layers (http, auth). */
function whyOf(data: ContractErrorData): Why {
  return { reason: data.code, message: data.message, display: data.display, detail: data.detail };
}

function broken(reason: StreamReason, display: DisplayMessage, message: string, detail?: string): WatchEnd {
  return { kind: 'broken', reason, message, display, ...(detail !== undefined ? { detail } : {}) };
}

export type InformerListener = (event: WatchEvent) => void;

export class Informer {
  private readonly listeners = new Set<InformerListener>();
  private readonly statusListeners = new Set<(status: StreamStatus) => void>();
  private readonly items = new Map<string, KubeObject>();
  private resourceVersion?: string;
  /** The initial listing is complete (pages were sent as they came, then `synced`). */
  private synced = false;
  private status: StreamStatus;
  private pending: WatchChange[] = [];
  private tickTimer?: NodeJS.Timeout;
  private stopped = false;
  private running = false;
  private cycle = new AbortController();
  private wake?: () => void;
  private forceRelist = false;
  private staleSince?: string;
  private itemKind?: string;
  private readonly opts: Required<Omit<InformerOptions, 'log' | 'random' | 'watchTimeoutSeconds'>> & Pick<InformerOptions, 'log' | 'random' | 'watchTimeoutSeconds'>;

  constructor(
    readonly target: InformerTarget,
    private readonly client: ListWatchClient,
    options: InformerOptions = {},
  ) {
    this.opts = {
      pageSize: 500,
      watchdogMs: 90_000,
      tickMs: 50,
      backoffBaseMs: 500,
      backoffMaxMs: 30_000,
      failedRetryMs: 30_000,
      ...options,
    };
    this.status = { state: 'connecting', since: new Date().toISOString() };
  }

  /** Starts listing and watching (idempotent). */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.run();
  }

  /** Stops for good: aborts the request in flight and drops pending changes. */
  stop(): void {
    this.stopped = true;
    this.cycle.abort();
    this.wake?.();
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.pending = [];
    this.listeners.clear();
    this.statusListeners.clear();
  }

  /** Relists from scratch (e.g. the context's server or credentials changed). */
  restart(): void {
    this.forceRelist = true;
    this.cycle.abort();
    this.wake?.();
  }

  /** Skips the current backoff wait (e.g. after the user trusted an exec plugin). */
  retryNow(): void {
    this.wake?.();
  }

  /**
   * Subscribes; the listener gets what the cache holds right away, in pages (the whole list if
   * synced, else the pages listed so far, the rest following as they arrive), then the status.
   */
  subscribe(listener: InformerListener): () => void {
    this.flush();
    const held = [...this.items.values()];
    for (let at = 0; at < held.length || (at === 0 && this.synced); at += this.opts.pageSize) {
      listener({ type: 'page', items: held.slice(at, at + this.opts.pageSize), first: at === 0 });
    }
    if (this.synced) listener({ type: 'synced', resourceVersion: this.resourceVersion ?? '' });
    listener({ type: 'status', status: this.status });
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  currentStatus(): StreamStatus {
    return this.status;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      if (this.cycle.signal.aborted) this.cycle = new AbortController();
      const signal = this.cycle.signal;
      if (this.forceRelist) {
        this.forceRelist = false;
        this.resourceVersion = undefined;
        attempt = 0;
      }
      try {
        if (this.resourceVersion === undefined) await this.relist(signal);
        const end = await this.watchOnce(signal, () => {
          attempt = 0;
          this.setStatus({ state: 'live' });
        });
        if (signal.aborted || end.kind === 'timeout') continue;
        attempt++;
        if (end.kind === 'gone') {
          this.resourceVersion = undefined;
          // Relist at once; only a server that keeps answering 410 gets backed off.
          const why: Why = { reason: 'gone', message: end.message, display: end.display, detail: end.detail };
          if (attempt <= 2) this.setStatus({ state: 'reconnecting', ...why, attempt });
          else await this.backoff(attempt, why);
          continue;
        }
        await this.backoff(attempt, { reason: end.reason, message: end.message, display: end.display, detail: end.detail });
      } catch (err) {
        if (this.stopped) return;
        const data = toErrorData(err);
        // Our own abort (restart): go round at once. Any other "cancelled" (a transport disposed
        // under us) waits like any failure, so it can never spin.
        if (data.code === 'cancelled' && signal.aborted) continue;
        if (data.code === 'gone') {
          this.resourceVersion = undefined;
          attempt++;
          if (attempt > 2) await this.backoff(attempt, whyOf(data));
          continue;
        }
        if (['unauthorized', 'forbidden', 'not-found', 'untrusted-exec', 'kubeconfig', 'invalid', 'bad-request'].includes(data.code)) {
          const retryAt = Date.now() + this.opts.failedRetryMs;
          this.setStatus({ state: 'failed', ...whyOf(data), nextRetryAt: new Date(retryAt).toISOString() });
          await this.sleep(this.opts.failedRetryMs);
          continue;
        }
        attempt++;
        await this.backoff(attempt, whyOf(data));
      }
    }
  }

  private async backoff(attempt: number, why: Why): Promise<void> {
    const delay = backoffDelay(attempt, { baseMs: this.opts.backoffBaseMs, maxMs: this.opts.backoffMaxMs, random: this.opts.random });
    this.setStatus({ state: 'reconnecting', ...why, attempt, nextRetryAt: new Date(Date.now() + delay).toISOString() });
    await this.sleep(delay);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }

  private query(extra: Record<string, string | number | boolean | undefined>) {
    return { labelSelector: this.target.labelSelector, fieldSelector: this.target.fieldSelector, ...extra };
  }

  /**
   * Lists every page; on an expired continue token (410) starts the list over. The initial
   * listing goes out page by page as it arrives (the first rows show at once, and no message
   * has to hold the whole list); a relist is compared with the cache and sent as changes.
   */
  private async relist(signal: AbortSignal): Promise<void> {
    const path = collectionPath(this.target.ref, this.target.namespace);
    const initial = !this.synced;
    let restarts = 0;
    for (;;) {
      const items: KubeObject[] = [];
      let cont: string | undefined;
      let rv: string | undefined;
      let expired = false;
      let first = true;
      do {
        let page: KubeList;
        try {
          page = await this.client.requestJson<KubeList>({ path, query: this.query({ limit: this.opts.pageSize, continue: cont }), signal, timeoutMs: 60_000 });
        } catch (err) {
          if (cont && err instanceof ContractError && err.code === 'gone' && restarts < 3) {
            this.opts.log?.(`continue token expired while listing ${path}; listing again from the start`);
            expired = true;
            break;
          }
          throw err;
        }
        if (page.kind && !this.itemKind) this.itemKind = page.kind.replace(/List$/, '');
        const pageItems = (page.items ?? []).map((obj) => normalizeObject(obj, this.target.ref, this.itemKind));
        if (initial && !signal.aborted) {
          // A listing that starts over (expired token, failure mid-way) replaces what was sent.
          if (first) this.items.clear();
          for (const obj of pageItems) this.items.set(objectKey(obj), obj);
          this.broadcast({ type: 'page', items: pageItems, first });
          first = false;
        } else {
          for (const obj of pageItems) items.push(obj);
        }
        rv = page.metadata?.resourceVersion;
        cont = page.metadata?.continue || undefined;
      } while (cont);
      if (expired) {
        restarts++;
        continue;
      }
      if (signal.aborted) throw new ContractError({ code: 'cancelled', message: 'Cancelled', display: { code: 'cancelled' } });
      this.resourceVersion = rv ?? '';
      if (initial) {
        this.synced = true;
        this.broadcast({ type: 'synced', resourceVersion: this.resourceVersion });
        return;
      }
      // A relist (410 Gone, restart): subscribers already hold the cache, so they get only what
      // changed, through the same 50 ms coalescing as watch events. Changes still waiting for
      // the tick were applied to the cache already, so the diff simply follows them.
      const changes = relistDiff(this.items, items);
      this.items.clear();
      for (const obj of items) this.items.set(objectKey(obj), obj);
      for (const change of changes) this.queue(change);
      return;
    }
  }

  /** One watch request; resolves with how it ended. */
  private async watchOnce(signal: AbortSignal, onOpen: () => void): Promise<WatchEnd> {
    const timeoutSeconds = this.opts.watchTimeoutSeconds?.() ?? this.defaultWatchTimeout();
    const startedAt = Date.now();
    const res = await this.client.openStream({
      path: collectionPath(this.target.ref, this.target.namespace),
      query: this.query({ watch: 1, resourceVersion: this.resourceVersion, allowWatchBookmarks: true, timeoutSeconds }),
      signal,
    });
    onOpen();
    return new Promise<WatchEnd>((resolve) => {
      const lines = new WatchLineSplitter();
      let settled = false;
      let watchdog: NodeJS.Timeout | undefined;
      const finish = (end: WatchEnd) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        res.removeAllListeners('data');
        res.destroy();
        resolve(end);
      };
      const armWatchdog = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => {
          this.opts.log?.(`watch ${this.describe()} sent nothing for ${this.opts.watchdogMs} ms; reconnecting`);
          const seconds = Math.round(this.opts.watchdogMs / 1000);
          finish(broken('stalled', { code: 'watchdog', params: { seconds } }, `No data from the API server for ${seconds} s`));
        }, this.opts.watchdogMs);
      };
      armWatchdog();
      const onLine = (line: string): WatchEnd | undefined => {
        let ev: { type?: string; object?: KubeObject & { code?: number; message?: string } };
        try {
          ev = JSON.parse(line);
        } catch {
          this.opts.log?.(`malformed watch line on ${this.describe()} (${line.length} chars); reconnecting`);
          return broken('malformed', { code: 'watch-malformed' }, 'The API server sent a malformed watch event');
        }
        return this.applyWatchEvent(ev);
      };
      res.on('data', (chunk: Buffer) => {
        if (settled) return;
        armWatchdog();
        let got: string[];
        try {
          got = lines.push(chunk);
        } catch (err) {
          // The only thing the splitter refuses is a line too long to be a watch event.
          return finish(broken('malformed', { code: 'watch-line-too-long', params: { megabytes: MAX_WATCH_LINE / 1024 / 1024 } }, (err as Error).message));
        }
        for (const line of got) {
          const end = onLine(line);
          if (end) return finish(end);
        }
      });
      const onEnd = (err?: Error) => {
        if (settled) return;
        if (signal.aborted) return finish(broken('cancelled', { code: 'cancelled' }, 'Cancelled'));
        const rest = lines.rest();
        if (rest) {
          // The stream ended in the middle of a line: the last event was cut short.
          this.opts.log?.(`watch ${this.describe()} ended inside an event; reconnecting`);
          return finish(broken('connection-dropped', { code: 'watch-cut-mid-event' }, 'The watch connection was cut in the middle of an event'));
        }
        const elapsed = Date.now() - startedAt;
        if (!err && elapsed >= timeoutSeconds * 1000 - 1500) return finish({ kind: 'timeout' });
        if (err) finish(broken('connection-dropped', { code: 'watch-connection-lost' }, `Watch connection lost: ${err.message}`, err.message));
        else finish(broken('connection-dropped', { code: 'watch-closed' }, 'The API server closed the watch connection'));
      };
      res.on('end', () => onEnd());
      res.on('error', (err) => onEnd(err));
      res.on('close', () => onEnd(new Error('connection closed')));
    });
  }

  /** Applies one parsed watch event; returns a WatchEnd when the event ends this watch. */
  private applyWatchEvent(ev: { type?: string; object?: KubeObject & { code?: number; message?: string } }): WatchEnd | undefined {
    const obj = ev.object;
    switch (ev.type) {
      case 'ADDED':
      case 'MODIFIED':
      case 'DELETED': {
        if (!obj || typeof obj !== 'object' || !obj.metadata) {
          return broken('malformed', { code: 'watch-event-without-object' }, 'The API server sent a watch event without an object');
        }
        normalizeObject(obj, this.target.ref, this.itemKind ?? (typeof obj.kind === 'string' ? obj.kind : undefined));
        const key = objectKey(obj);
        if (ev.type === 'DELETED') this.items.delete(key);
        else this.items.set(key, obj);
        if (obj.metadata.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        this.queue({ type: ev.type, object: obj });
        return undefined;
      }
      case 'BOOKMARK':
        if (obj?.metadata?.resourceVersion) this.resourceVersion = obj.metadata.resourceVersion;
        return undefined;
      case 'ERROR': {
        const detail = typeof obj?.message === 'string' && obj.message ? obj.message : undefined;
        const status = typeof obj?.code === 'number' ? obj.code : 0;
        const message = detail ?? 'The watch failed';
        if (status === 410) return { kind: 'gone', reason: 'gone', message, display: { code: 'gone' }, ...(detail ? { detail } : {}) };
        // The reason is the error code of the Status (server-error, forbidden, …), as for a failed request.
        const reason = status ? errorCodeForStatus(status) : 'watch-error';
        return broken(reason, status ? { code: 'api-status', params: { status } } : { code: 'watch-error' }, message, detail);
      }
      default:
        this.opts.log?.(`unknown watch event type ${JSON.stringify(ev.type)} on ${this.describe()}`);
        return undefined;
    }
  }

  private queue(change: WatchChange): void {
    this.pending.push(change);
    if (!this.tickTimer) this.tickTimer = setTimeout(() => this.flush(), this.opts.tickMs);
  }

  private flush(): void {
    if (this.tickTimer) clearTimeout(this.tickTimer);
    this.tickTimer = undefined;
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    this.broadcast({ type: 'changes', changes, resourceVersion: this.resourceVersion ?? '' });
  }

  private setStatus(next: Omit<StreamStatus, 'since' | 'staleSince'>): void {
    if (next.state === 'live' && this.status.state === 'live') return;
    const now = new Date().toISOString();
    if (next.state === 'live') this.staleSince = undefined;
    else if (this.status.state === 'live' || (this.synced && !this.staleSince)) this.staleSince = this.staleSince ?? now;
    const since = next.state === this.status.state && next.state !== 'reconnecting' ? this.status.since : now;
    this.status = { ...next, since, ...(this.staleSince && next.state !== 'live' ? { staleSince: this.staleSince } : {}) };
    this.flush(); // Changes that arrived before the status change are delivered before it.
    this.broadcast({ type: 'status', status: this.status });
    for (const l of this.statusListeners) l(this.status);
  }

  private broadcast(event: WatchEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch (err) {
        this.opts.log?.(`informer listener failed: ${(err as Error).message}`);
      }
    }
  }

  private defaultWatchTimeout(): number {
    const r = (this.opts.random ?? Math.random)();
    return Math.max(1, Math.floor((this.opts.watchdogMs / 1000) * (0.5 + 0.3 * r)));
  }

  private describe(): string {
    const t = this.target;
    return `${collectionPath(t.ref, t.namespace)}${t.labelSelector ? `?labelSelector=${t.labelSelector}` : ''}`;
  }
}
