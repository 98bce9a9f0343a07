/**
 * The `scale` scenario: `pods` running pods (knob, default 10 000, at most 150 000) in
 * 50 namespaces on pods/100 nodes, owned by Deployments → ReplicaSets of 20 replicas.
 * Objects are written straight into the store in bulk (no defaulting, no controller work):
 * each pod is a realistic ~7 KB object (see podShape.ts) that is already Running and Ready,
 * so the controllers find nothing to do and the cluster is usable as soon as it is loaded.
 * Pods are not built and serialized one by one but pasted from a serialized template, one
 * string per ReplicaSet (scalePods.ts); they still arrive as ordinary ADDED events with their
 * own resourceVersions, so watchers and the controllers' caches see them like any others.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { KubeObject, SimContext } from '../types';
import { nodeObject } from './nodes';
import { insertReplicaSetPods, replicaSetPods, type PodValues } from './scalePods';

export const MAX_SCALE_PODS = 150_000;
const REPLICAS_PER_DEPLOYMENT = 20;
const APPS = ['api', 'web', 'worker', 'auth', 'search', 'billing', 'cart', 'catalog', 'checkout', 'email', 'feed', 'gateway', 'images', 'inventory', 'ledger', 'notify', 'orders', 'pricing', 'profile', 'ranker'];
const TEAMS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet'];
const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Parses the `pods` knob: a positive integer up to 150 000. */
export function scalePods(options: Record<string, unknown>): number {
  const raw = options.pods ?? 10_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > MAX_SCALE_PODS) {
    throw new Error(`scale scenario: --pods must be an integer from 1 to ${MAX_SCALE_PODS}, got "${String(raw)}"`);
  }
  return n;
}

/** Deterministic 5-letter pod suffix from a counter (unique per ReplicaSet). */
function suffix(i: number): string {
  let s = '';
  let x = i * 7919 + 104729;
  for (let k = 0; k < 5; k++) {
    s += SUFFIX_ALPHABET[x % SUFFIX_ALPHABET.length];
    x = Math.floor(x / SUFFIX_ALPHABET.length) + k * 13;
  }
  return s;
}

export interface ScaleReport {
  pods: number;
  namespaces: number;
  nodes: number;
  deployments: number;
  loadMs: number;
  /** CPU time spent loading (user+system): what the load costs on an idle machine. */
  cpuMs: number;
  /** Resident memory of the process once loaded (MiB). */
  rssMiB: number;
}

export async function loadScale(ctx: SimContext, options: Record<string, unknown>): Promise<ScaleReport> {
  const started = Date.now();
  const cpuStart = process.cpuUsage();
  const total = scalePods(options);
  const nsCount = Math.min(50, Math.max(1, Math.ceil(total / 20)));
  const nodeCount = Math.max(3, Math.ceil(total / 100));
  const store = ctx.store;
  const ts = ctx.timestamp();
  const meta = (o: KubeObject) => {
    o.metadata.uid = randomUUID();
    o.metadata.creationTimestamp = ts;
    return o;
  };

  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    if (!ctx.api.get('namespaces', '', ns)) ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const nodes: Array<{ name: string; ip: string; cidr: [number, number] }> = [];
  for (let i = 0; i < nodeCount; i++) {
    const name = `node-${String(i + 1).padStart(5, '0')}`;
    const node = nodeObject({ name, index: (i % 250) + 1, cpu: 16, memoryGi: 64, zone: `eu-central-1${'abc'[i % 3]}`, instanceType: 'm6i.4xlarge', maxPods: 110 }, ts);
    const cidr: [number, number] = [64 + (i >> 8), i & 255];
    (node.spec as Record<string, unknown>).podCIDR = `10.${cidr[0]}.${cidr[1]}.0/24`;
    (node.spec as Record<string, unknown>).podCIDRs = [`10.${cidr[0]}.${cidr[1]}.0/24`];
    const ip = `10.${1 + (i >> 8)}.${i & 255}.10`;
    (node.status as { addresses: Array<{ type: string; address: string }> }).addresses[0].address = ip;
    store.create('nodes', meta(node));
    nodes.push({ name, ip, cidr });
  }

  let placed = 0;
  let deployments = 0;
  const namespaces = Array.from({ length: nsCount }, (_, i) => `${TEAMS[i % TEAMS.length]}-${String(Math.floor(i / TEAMS.length) + 1).padStart(2, '0')}`).sort();
  for (let n = 0; n < nsCount; n++) {
    const ns = namespaces[n];
    if (!ctx.api.get('namespaces', '', ns)) ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { team: ns.split('-')[0] } } });
    const inNs = Math.floor(total / nsCount) + (n < total % nsCount ? 1 : 0);
    for (let d = 0; d * REPLICAS_PER_DEPLOYMENT < inNs; d++) {
      const replicas = Math.min(REPLICAS_PER_DEPLOYMENT, inNs - d * REPLICAS_PER_DEPLOYMENT);
      const app = `${APPS[d % APPS.length]}-${Math.floor(d / APPS.length) + 1}`;
      const hash = suffix(n * 1000 + d).slice(0, 5) + String(10000 + d).slice(1);
      const rsName = `${app}-${hash}`;
      const image = `registry.example.com/${ns}/${app}:1.${d % 9}.${n % 7}`;
      const selector = { 'app.kubernetes.io/name': app };
      const template = {
        metadata: { labels: { 'app.kubernetes.io/name': app, 'app.kubernetes.io/part-of': ns, team: ns.split('-')[0] }, annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scrape': 'true' } },
        spec: { containers: [{ name: 'app', image }, { name: 'log-shipper', image: 'cr.fluentbit.io/fluent/fluent-bit:3.1.9' }], restartPolicy: 'Always' },
      };
      const dep = meta({
        apiVersion: 'apps/v1', kind: 'Deployment',
        metadata: { name: app, namespace: ns, generation: 1, labels: selector, annotations: { 'deployment.kubernetes.io/revision': '1' } },
        spec: { replicas, selector: { matchLabels: selector }, template, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
        // Exactly what the deployment controller would write, so it finds nothing to change.
        status: {
          observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas,
          conditions: [
            { type: 'Available', status: 'True', lastUpdateTime: ts, lastTransitionTime: ts, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
            { type: 'Progressing', status: 'True', lastUpdateTime: ts, lastTransitionTime: ts, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rsName}" has successfully progressed.` },
          ],
        },
      });
      store.create('deployments.apps', dep);
      const rsTemplate = structuredClone(template);
      (rsTemplate.metadata.labels as Record<string, string>)['pod-template-hash'] = hash;
      const rs = meta({
        apiVersion: 'apps/v1', kind: 'ReplicaSet',
        metadata: {
          name: rsName, namespace: ns, generation: 1, labels: { ...selector, 'pod-template-hash': hash },
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)), 'deployment.kubernetes.io/revision': '1' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: app, uid: dep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
        },
        spec: { replicas, minReadySeconds: 0, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template: rsTemplate },
        status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: 1 },
      });
      store.create('replicasets.apps', rs);
      deployments++;
      // Pods are pasted from a per-ReplicaSet template into the store (see scalePods.ts).
      const pods = replicaSetPods({ namespace: ns, app, hash, rsName, rsUid: rs.metadata.uid!, image, created: ts, started: ts });
      const ids = randomBytes(64 * replicas).toString('hex');
      const values: PodValues[] = [];
      for (let r = 0; r < replicas; r++) {
        const node = nodes[placed % nodeCount];
        const slot = Math.floor(placed / nodeCount) + 2;
        placed++;
        values.push({
          name: `${rsName}-${suffix(r)}`, uid: randomUUID(), node: node.name, hostIP: node.ip, podIP: `10.${node.cidr[0]}.${node.cidr[1]}.${slot}`,
          containerIds: [ids.slice(128 * r, 128 * r + 64), ids.slice(128 * r + 64, 128 * (r + 1))], seq: placed,
        });
      }
      insertReplicaSetPods(store, pods, values);
    }
    // Let the server and timers breathe between namespaces.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const cpu = process.cpuUsage(cpuStart);
  const report = { pods: placed, namespaces: nsCount, nodes: nodeCount, deployments, loadMs: Date.now() - started, cpuMs: Math.round((cpu.user + cpu.system) / 1000), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) };
  console.error(`[sim] scale: ${report.pods} pods, ${report.deployments} deployments in ${report.namespaces} namespaces on ${report.nodes} nodes loaded in ${(report.loadMs / 1000).toFixed(1)} s (${(report.cpuMs / 1000).toFixed(1)} s CPU, ${report.rssMiB} MiB RSS)`);
  return report;
}
