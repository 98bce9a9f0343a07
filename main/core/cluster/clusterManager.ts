/**
 * Connected clusters: one connection per context (transport + state), the shared informers of
 * all of them, and the health list the UI shows. Reacts to kubeconfig edits: a connected
 * context whose entries changed reconnects (its informers relist), a removed one disconnects.
 */
import { displayError, toErrorData, type ContractErrorData } from '../../../app/contract/errors';
import type { ApiResourceInfo, ClusterHealth, ClusterState } from '../../../app/contract/pilothouse';
import { ClusterTransport } from '../auth/clusterTransport';
import type { ExecTrustStore } from '../auth/execTrustStore';
import { openStream, requestJson, type KubeRequest } from '../http/kubeHttp';
import type { ListWatchClient } from '../informer/informer';
import { InformerRegistry, type InformerRegistryOptions } from '../informer/informerRegistry';
import type { ContextService } from '../kubeconfig/contextService';
import { discoverResources } from './discovery';

/** Discovery answers are reused this long (CRDs added since show up on the next ask after it). */
const DISCOVERY_TTL_MS = 15_000;

interface Connection {
  context: string;
  transport: ClusterTransport;
  state: ClusterState;
  version?: string;
  error?: ContractErrorData;
  failedSince?: string;
  /** Bumped on every (re)connect so a late answer from an older attempt is ignored. */
  generation: number;
  checking?: Promise<void>;
  discovery?: { at: number; result: Promise<ApiResourceInfo[]> };
}

export interface ClusterManagerOptions {
  informers?: InformerRegistryOptions;
  log?: (message: string) => void;
  /** Called when a cluster is connected or disconnected by the user (persist open contexts). */
  onOpenContextsChanged?: (contexts: string[]) => void;
}

/**
 * The informers' two requests over one cluster's transport. `transportOf` is asked on every
 * request, so a caller may swap the transport underneath (ClusterManager does, on kubeconfig
 * edits). Exported so tests drive informers through this same binding.
 */
export function listWatchClient(transportOf: () => ClusterTransport): ListWatchClient {
  return {
    requestJson: (req) => requestJson(transportOf(), req),
    openStream: (req) => openStream(transportOf(), req),
  };
}

export class ClusterManager {
  private readonly connections = new Map<string, Connection>();
  readonly informers: InformerRegistry;
  private readonly healthListeners = new Set<(health: ClusterHealth[]) => void>();
  private healthTimer?: NodeJS.Timeout;
  private readonly offContextChanges: () => void;

  constructor(
    private readonly contexts: ContextService,
    private readonly trust: ExecTrustStore,
    private readonly options: ClusterManagerOptions = {},
  ) {
    // The transport is looked up per request: it is replaced when the kubeconfig entry changes.
    this.informers = new InformerRegistry((context) => listWatchClient(() => this.transportOf(context)), {
      ...options.informers,
      onChange: (context) => {
        this.onInformerChange(context);
        options.informers?.onChange?.(context);
      },
    });
    this.offContextChanges = contexts.onChanges(({ changed, removed }) => {
      for (const name of removed) this.disconnect(name, { code: 'not-found', message: `Context "${name}" was removed from the kubeconfig`, display: { code: 'context-removed', params: { context: name } } });
      for (const name of changed) if (this.connections.has(name)) this.reconfigure(name);
    });
  }

  /** Connects (or returns the existing connection's health). Unknown context → not-found. */
  async connect(context: string): Promise<ClusterHealth> {
    const conn = this.ensure(context);
    if (conn.state === 'failed') this.check(conn);
    await conn.checking;
    return this.healthOf(conn);
  }

  /** Disconnects: stops informers and ends their streams. */
  disconnect(context: string, reason?: ContractErrorData): void {
    const conn = this.connections.get(context);
    this.informers.stopContext(context, reason ?? { code: 'cancelled', message: `Cluster "${context}" was disconnected`, display: { code: 'context-disconnected', params: { context } } });
    if (!conn) return;
    this.connections.delete(context);
    conn.generation++;
    conn.transport.dispose();
    this.options.onOpenContextsChanged?.(this.openContexts());
    this.scheduleHealth();
  }

  /** Opens the connection if needed, without waiting for it (a watch or get implies it). */
  open(context: string): void {
    this.ensure(context);
  }

  /** A request client for a context; connects implicitly (as a watch or get on it needs one). */
  requestFor(context: string): <T>(req: KubeRequest) => Promise<T> {
    this.ensure(context);
    return (req) => requestJson(this.transportOf(context), req);
  }

  /**
   * Every resource the cluster serves. Fetched once in the background on connect and shared
   * by concurrent callers; a caller's abort only stops its own wait.
   */
  async discover(context: string, signal?: AbortSignal): Promise<ApiResourceInfo[]> {
    const conn = this.ensure(context);
    if (!conn.discovery || Date.now() - conn.discovery.at > DISCOVERY_TTL_MS) this.startDiscovery(conn);
    const result = conn.discovery!.result;
    if (!signal) return result;
    return new Promise((resolve, reject) => {
      const onAbort = () => reject(displayError('cancelled', { code: 'cancelled' }, 'Cancelled'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      result.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  private startDiscovery(conn: Connection): void {
    const entry = { at: Date.now(), result: discoverResources((req) => requestJson(conn.transport, req)) };
    conn.discovery = entry;
    // A failed discovery is not cached: the next caller tries again.
    entry.result.catch(() => {
      if (conn.discovery === entry) conn.discovery = undefined;
    });
  }

  openContexts(): string[] {
    return [...this.connections.keys()];
  }

  isConnected(context: string): boolean {
    return this.connections.has(context);
  }

  /** The user trusted a context's exec plugin: retry right away. */
  trusted(context: string): void {
    const conn = this.connections.get(context);
    if (conn && conn.state === 'failed') this.check(conn);
    this.informers.retryContext(context);
  }

  health(): ClusterHealth[] {
    return [...this.connections.values()].map((c) => this.healthOf(c));
  }

  onHealth(listener: (health: ClusterHealth[]) => void): () => void {
    this.healthListeners.add(listener);
    return () => this.healthListeners.delete(listener);
  }

  dispose(): void {
    this.offContextChanges();
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.informers.dispose();
    for (const c of this.connections.values()) c.transport.dispose();
    this.connections.clear();
    this.healthListeners.clear();
  }

  private ensure(context: string): Connection {
    const existing = this.connections.get(context);
    if (existing) return existing;
    const rc = this.contexts.get(context);
    if (!rc) throw displayError('not-found', { code: 'context-unknown', params: { context } }, `No context named "${context}" in the kubeconfig`);
    const conn: Connection = { context, transport: new ClusterTransport(rc, this.trust), state: 'connecting', generation: 0 };
    this.connections.set(context, conn);
    this.options.onOpenContextsChanged?.(this.openContexts());
    this.check(conn);
    return conn;
  }

  private reconfigure(context: string): void {
    const conn = this.connections.get(context);
    const rc = this.contexts.get(context);
    if (!conn || !rc) return;
    this.options.log?.(`context "${context}" changed on disk; reconnecting`);
    conn.transport.dispose();
    conn.transport = new ClusterTransport(rc, this.trust);
    conn.version = undefined;
    conn.discovery = undefined;
    this.check(conn);
    this.informers.restartContext(context);
  }

  /** Asks /version (and thereby proves reachability and credentials). */
  private check(conn: Connection): void {
    const generation = ++conn.generation;
    this.setState(conn, 'connecting');
    conn.checking = requestJson<{ gitVersion?: string }>(conn.transport, { path: '/version', timeoutMs: 15_000 }).then(
      (v) => {
        if (conn.generation !== generation) return;
        conn.version = typeof v.gitVersion === 'string' ? v.gitVersion : undefined;
        this.setState(conn, 'connected');
        // The UI asks for discovery right after connecting: have it on the way.
        if (!conn.discovery) this.startDiscovery(conn);
      },
      (err) => {
        if (conn.generation !== generation) return;
        this.setState(conn, 'failed', toErrorData(err));
      },
    );
  }

  private setState(conn: Connection, state: ClusterState, error?: ContractErrorData): void {
    conn.state = state;
    conn.error = error;
    if (state === 'failed') conn.failedSince ??= new Date().toISOString();
    else if (state === 'connected') conn.failedSince = undefined;
    this.scheduleHealth();
  }

  private onInformerChange(context: string): void {
    const conn = this.connections.get(context);
    // A stream came back while the connection check had failed (e.g. the server restarted):
    // the cluster is evidently reachable again.
    if (conn && conn.state === 'failed' && conn.error?.code === 'unreachable' && this.informers.statusesOf(context).some((s) => s.state === 'live')) {
      this.check(conn);
    }
    this.scheduleHealth();
  }

  private transportOf(context: string): ClusterTransport {
    const conn = this.connections.get(context);
    if (!conn) throw displayError('cancelled', { code: 'cluster-not-connected', params: { context } }, `Cluster "${context}" is not connected`);
    return conn.transport;
  }


  private healthOf(conn: Connection): ClusterHealth {
    const statuses = this.informers.statusesOf(conn.context);
    const streams = { total: statuses.length, live: 0, reconnecting: 0, failed: 0, connecting: 0 };
    let staleSince = conn.failedSince;
    for (const s of statuses) {
      streams[s.state]++;
      if (s.staleSince && (!staleSince || s.staleSince < staleSince)) staleSince = s.staleSince;
    }
    const h: ClusterHealth = { context: conn.context, state: conn.state, streams };
    if (conn.version) h.version = conn.version;
    if (conn.error) h.error = conn.error;
    if (staleSince) h.staleSince = staleSince;
    return h;
  }

  /** Health changes come in bursts (many streams reconnecting at once): send one list per burst. */
  private scheduleHealth(): void {
    if (this.healthTimer) return;
    this.healthTimer = setTimeout(() => {
      this.healthTimer = undefined;
      const h = this.health();
      for (const l of this.healthListeners) l(h);
    }, 25);
  }
}
