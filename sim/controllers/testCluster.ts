/**
 * An in-process cluster for controller tests: sim-core's real store, object API and event
 * recorder (the same code the HTTP server runs), no sockets. End-to-end tests through
 * `startSim` + kubectl live in `sim/scenarios/*.test.ts`.
 */
import { ObjectService } from '../api/objects';
import { createEventRecorder } from '../api/events';
import { Registry } from '../api/registry';
import { MemoryStore } from '../store';
import type { KubeObject as CoreObject, SimContext, SimOptions } from '../types';
import { installControllers } from './index';
import type { KubeObject } from './model';
import { rfc3339 } from './model';

export interface TestCluster {
  ctx: SimContext;
  get<T extends KubeObject = KubeObject>(resource: string, namespace: string, name: string): T | undefined;
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[];
  apply(resource: string, obj: KubeObject): KubeObject;
  /** Polls `check` until it returns a truthy value (or throws after `ms`). */
  until<T>(check: () => T | undefined | false, ms?: number): Promise<T>;
  stop(): void;
}

export function testNode(name: string, extra: Partial<KubeObject> = {}, i = 1): CoreObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux' } },
    spec: { podCIDR: `10.244.${i}.0/24` },
    status: {
      capacity: { cpu: '4', memory: '16Gi', pods: '110' },
      allocatable: { cpu: '3800m', memory: '15Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady' }],
      addresses: [{ type: 'InternalIP', address: `10.0.0.${10 + i}` }],
    },
    ...extra,
  } as CoreObject;
}

export function startTestCluster(options: { speed?: number; nodes?: number } = {}): TestCluster {
  const store = new MemoryStore({});
  const registry = new Registry();
  const now = () => Date.now();
  const timestamp = () => rfc3339(Date.now());
  const api = new ObjectService({ store, registry, now, timestamp });
  const recordEvent = createEventRecorder({ store, api, now, timestamp });
  const stops: Array<() => void> = [];
  const ctx = {
    options: { scenario: 'test', port: 0, host: '127.0.0.1', speed: options.speed ?? 50 } as SimOptions,
    store,
    resources: registry,
    api,
    now,
    timestamp,
    recordEvent,
    onStop: (f: () => void) => stops.push(f),
  } as unknown as SimContext;
  for (const ns of ['default', 'kube-system']) api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (let i = 1; i <= (options.nodes ?? 3); i++) api.create('nodes', testNode(`node-${i}`, {}, i));
  const stop = installControllers(ctx);
  return {
    ctx,
    get: (r, ns, name) => api.get(r, ns, name) as never,
    list: (r, ns) => api.list(r, ns ? { namespace: ns } : {}) as never,
    apply: (r, obj) => api.create(r, obj as unknown as CoreObject) as unknown as KubeObject,
    until: async (check, ms = 10_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const v = check();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => {
      stop();
      for (const s of stops) s();
    },
  };
}
