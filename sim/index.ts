/**
 * The Kubernetes API simulator. `startSim()` builds the store, the API server, TLS and a
 * kubeconfig, then installs streams and controllers and loads a scenario.
 * This is the only module the rest of the repository may import.
 */
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ChaosKnobs, MetricsProvider, SimContext, SimOptions } from './types';
import { MemoryStore } from './store';
import { Registry } from './api/registry';
import { ObjectService } from './api/objects';
import { createEventRecorder } from './api/events';
import { RestHandler, WatchHub } from './api/rest';
import { OpenApi } from './api/openapi';
import { crdSchema } from './api/crds';
import { Authorizer } from './auth/authz';
import { Routes } from './server/routes';
import { SimServer } from './server/server';
import { generateTls } from './server/tls';
import { writeKubeconfig } from './server/kubeconfig';
import { installControllers } from './controllers';
import { installStreams } from './streams';
import { loadScenario } from './scenarios';

export type { SimContext, SimOptions, ChaosKnobs } from './types';

export interface StartSimOptions extends Partial<SimOptions> {
  /** Scenario name (default `demo`). */
  scenario?: string;
  /** TCP port (default 0: a free one). */
  port?: number;
  /** Bind address (default 127.0.0.1). */
  host?: string;
  /** Skip controllers (a static cluster: tests of the API layer alone). */
  controllers?: boolean;
}

export interface RunningSim {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  /** kubeconfig with contexts sim-admin (current) and sim-viewer. */
  kubeconfigPath: string;
  /** PEM of the CA that signed the server certificate. */
  caPem: string;
  tokens: { admin: string; viewer: string };
  ctx: SimContext;
  stop(): Promise<void>;
}

const DEFAULT_CHAOS: ChaosKnobs = {
  latencyMs: 0,
  rate429: 0,
  retryAfterSeconds: 1,
  rate5xx: 0,
  dropWatchesEverySeconds: 0,
  malformedWatchRate: 0,
  truncatedWatchRate: 0,
};

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The namespaces every cluster has (scenario `empty` is just these; owned by the core). */
function createSystemNamespaces(ctx: SimContext): void {
  for (const name of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    if (!ctx.api.get('namespaces', '', name)) ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
}

/**
 * Starts a simulator; resolves once it listens and the scenario is loaded.
 * Scenario `empty` (handled here, not by sim/scenarios) holds only the system namespaces.
 */
export async function startSim(input: StartSimOptions = {}): Promise<RunningSim> {
  const options: SimOptions = {
    ...input,
    scenario: input.scenario ?? 'demo',
    port: input.port ?? 0,
    host: input.host ?? '127.0.0.1',
  };
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pilothouse-sim-'));
  mkdirSync(dataDir, { recursive: true });
  const tokens = {
    admin: options.tokens?.admin ?? `sim-admin-${randomBytes(16).toString('hex')}`,
    viewer: options.tokens?.viewer ?? `sim-viewer-${randomBytes(16).toString('hex')}`,
  };
  const viewerNamespace = options.viewerNamespace ?? 'shop';

  const store = new MemoryStore({ historySize: options.historySize });
  const registry = new Registry();
  const now = () => Date.now();
  const timestamp = () => rfc3339(now());
  const objects = new ObjectService({ store, registry, now, timestamp });
  const routes = new Routes();
  const chaos: ChaosKnobs = { ...DEFAULT_CHAOS, ...(options.chaos ?? {}) };
  const authz = new Authorizer({ tokens, viewerNamespace });
  const bookmarkMs = () => (options.bookmarkIntervalSeconds ?? 60) * 1000;
  const watches = new WatchHub(store, chaos, bookmarkMs);
  let metricsProvider: MetricsProvider | undefined;
  const rest = new RestHandler({
    store,
    registry,
    objects,
    authz,
    routes,
    watches,
    metrics: () => metricsProvider,
    now,
    continueTtlMs: () => (options.continueTtlSeconds ?? 300) * 1000,
  });
  const openapi = new OpenApi(registry, (group, version, kind) => {
    const crd = store.list('customresourcedefinitions.apiextensions.k8s.io').map((e) => e.parse()).find((c) => {
      const s = (c as { spec?: { group?: string; names?: { kind?: string } } }).spec;
      return s?.group === group && s?.names?.kind === kind;
    });
    return crd ? crdSchema(crd) : undefined;
  });
  const tls = await generateTls();
  let url = '';
  let port = 0;
  const server = new SimServer({ tls, authz, registry, rest, routes, openapi, chaos, address: () => `${options.host}:${port}` });
  port = await server.listen(options.port, options.host);
  url = `https://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  const cleanups: (() => void)[] = [];
  const recordEvent = createEventRecorder({ store, api: objects, timestamp, now });
  const ctx: SimContext = {
    options,
    store,
    resources: registry,
    api: objects,
    routes,
    now,
    timestamp,
    recordEvent,
    setMetricsProvider: (p) => {
      metricsProvider = p;
    },
    chaos,
    dropWatches: () => watches.dropAll(),
    compact: () => store.compact(),
    stallWatches: (stalled = true) => watches.stall(stalled),
    onStop: (fn) => cleanups.push(fn),
    url,
  };
  // Apply chaos knob changes made at run time (dropWatchesEverySeconds needs a timer).
  let lastDrop = chaos.dropWatchesEverySeconds;
  watches.scheduleDrops();
  const knobTimer = setInterval(() => {
    if (chaos.dropWatchesEverySeconds !== lastDrop) {
      lastDrop = chaos.dropWatchesEverySeconds;
      watches.scheduleDrops();
    }
  }, 250);
  knobTimer.unref();

  const kubeconfigPath = join(dataDir, 'kubeconfig');
  writeKubeconfig(kubeconfigPath, { url, caPem: tls.caPem, tokens, viewerNamespace });

  const stopStreams = installStreams(ctx);
  const stopControllers = input.controllers === false ? () => {} : installControllers(ctx);
  try {
    if (options.scenario === 'empty') createSystemNamespaces(ctx);
    else await loadScenario(ctx, options.scenario, options);
  } catch (err) {
    stopControllers();
    stopStreams();
    await server.close();
    throw err;
  }

  let stopped = false;
  return {
    url,
    port,
    kubeconfigPath,
    caPem: tls.caPem,
    tokens,
    ctx,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(knobTimer);
      for (const fn of cleanups.splice(0)) {
        try {
          fn();
        } catch (err) {
          console.error('[sim] cleanup failed:', err);
        }
      }
      stopControllers();
      stopStreams();
      watches.stop();
      await server.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
