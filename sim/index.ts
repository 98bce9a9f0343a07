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
import { installChurn } from './controllers/churn';
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
 * What a run must release, collected as it is acquired: stop() and a start that fails part-way
 * both run it, so a failing start leaves no listening server, timer or temp dir behind.
 */
class Teardown {
  private readonly core: (() => void | Promise<void>)[] = [];
  /** Plug-in cleanups (ctx.onStop); they run first, in registration order. */
  readonly plugins: (() => void)[] = [];
  private running?: Promise<void>;

  /** Core steps run last-in first-out, after the plug-ins' cleanups. */
  add(step: () => void | Promise<void>): void {
    this.core.push(step);
  }

  run(): Promise<void> {
    return (this.running ??= (async () => {
      for (const step of [...this.plugins.splice(0), ...this.core.splice(0).reverse()]) {
        try {
          await step();
        } catch (err) {
          console.error('[sim] cleanup failed:', err);
        }
      }
    })());
  }
}

/**
 * Starts a simulator; resolves once it listens and the scenario is loaded.
 * Scenario `empty` (handled here, not by sim/scenarios) holds only the system namespaces.
 * Without `dataDir` a temp dir is made, put into `ctx.options.dataDir` and removed on stop.
 */
export async function startSim(input: StartSimOptions = {}): Promise<RunningSim> {
  const teardown = new Teardown();
  // The data dir goes into the options plug-ins read (exec scratch dirs live under it), so the
  // temp dir made here is the only one a run creates.
  const dataDir = input.dataDir ?? mkdtempSync(join(tmpdir(), 'pilothouse-sim-'));
  if (!input.dataDir) teardown.add(() => rmSync(dataDir, { recursive: true, force: true }));
  const options: SimOptions & { dataDir: string } = {
    ...input,
    scenario: input.scenario ?? 'demo',
    port: input.port ?? 0,
    host: input.host ?? '127.0.0.1',
    dataDir,
  };
  try {
    return await startIn(options, input.controllers !== false, teardown);
  } catch (err) {
    await teardown.run();
    throw err;
  }
}

/** The body of {@link startSim}: whatever it acquires registers its release in `teardown` at once. */
async function startIn(options: SimOptions & { dataDir: string }, withControllers: boolean, teardown: Teardown): Promise<RunningSim> {
  const dataDir = options.dataDir;
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
  teardown.add(() => server.close());
  teardown.add(() => watches.stop());
  url = `https://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

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
    onStop: (fn) => teardown.plugins.push(fn),
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
  teardown.add(() => clearInterval(knobTimer));

  const kubeconfigPath = join(dataDir, 'kubeconfig');
  writeKubeconfig(kubeconfigPath, { url, caPem: tls.caPem, tokens, viewerNamespace });

  teardown.add(installStreams(ctx));
  if (withControllers) teardown.add(installControllers(ctx));
  if (options.scenario === 'empty') createSystemNamespaces(ctx);
  else await loadScenario(ctx, options.scenario, options);
  // Churn (knob eventsPerSecond) starts once the scenario is in, so its rate is all churn.
  teardown.add(installChurn(ctx));

  return {
    url,
    port,
    kubeconfigPath,
    caPem: tls.caPem,
    tokens,
    ctx,
    stop: () => teardown.run(),
  };
}
