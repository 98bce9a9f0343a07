/**
 * The churn knob (`eventsPerSecond`, CLI `--events-per-second N`): background activity in
 * namespace `churn` that makes the cluster produce about N watch events per second, spread
 * evenly over time, so informers and the UI can be tested under load. The mix is what a busy
 * real cluster shows: annotation and status heartbeats on long-running pods, short-lived pods
 * created and deleted, and kubelet/scheduler Events about them (oldest pruned).
 *
 * Every operation is charged with the revisions it actually produced (store revision
 * before/after), so a failed write does not count and the rate holds whatever the mix.
 *
 * The writes go straight into the store with the objects complete (uid, timestamps, status),
 * as the scale scenario loads its pods: through `ctx.api` a pod write costs milliseconds
 * (defaulting, validation, managedFields, generation diffing), which would cap churn at a few
 * hundred events per second on a busy machine; the store path costs a parse and a serialize.
 * Pods are written Running and Ready on an existing node with no owner, so the scheduler,
 * kubelets and workload controllers have nothing to add. The namespace is created through
 * `ctx.api`, before the clock starts; churn pauses while it is missing or terminating.
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject, SimContext } from '../types';
import { eventObject } from '../api/events';
import { realisticPod } from '../scenarios/podShape';

export const CHURN_NAMESPACE = 'churn';
/** The knob's name in SimOptions. */
export const EVENTS_PER_SECOND_OPTION = 'eventsPerSecond';

const TICK_MS = 20;
/** Falling further behind than this (a blocked event loop) drops the backlog instead of bursting. */
const MAX_BACKLOG_SECONDS = 0.5;
const SHORT_LIVED_MS = { min: 3_000, max: 15_000 };

interface Node {
  name: string;
  ip: string;
}

/** Reads and checks the knob: a number ≥ 0 (0 or absent = no churn). */
export function eventsPerSecondOf(options: Record<string, unknown>): number {
  const raw = options[EVENTS_PER_SECOND_OPTION];
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${EVENTS_PER_SECOND_OPTION} must be a number ≥ 0, got ${JSON.stringify(raw)}`);
  return n;
}

/** Starts churn when the knob asks for it; returns the function that stops it. */
export function installChurn(ctx: SimContext): () => void {
  const rate = eventsPerSecondOf(ctx.options);
  if (rate <= 0) return () => {};
  const churn = new Churn(ctx, rate);
  churn.start();
  return () => churn.stop();
}

class Churn {
  private timer?: NodeJS.Timeout;
  private startedAt = 0;
  private produced = 0;
  private seq = 0;
  private readonly nodes: Node[];
  private readonly steady: string[] = [];
  /** Short-lived pods: name → when to delete (ms). */
  private readonly shortLived = new Map<string, number>();
  /** The earliest deletion time in {@link shortLived} (Infinity when none). */
  private nextExpiry = Infinity;
  /** The last short-lived pods created: what most Events are about. */
  private readonly recentTasks: string[] = [];
  /** Names of the Events written, oldest first. */
  private readonly events: string[] = [];
  private readonly maxShortLived: number;
  private readonly maxEvents: number;

  constructor(
    private readonly ctx: SimContext,
    private readonly rate: number,
  ) {
    const nodes = ctx.api.list('nodes').map((n) => ({ name: n.metadata.name ?? '', ip: (n as { status?: { addresses?: { type: string; address: string }[] } }).status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.10' }));
    // Without nodes (scenario `empty`) pods are bound to a node name no kubelet serves.
    this.nodes = nodes.length ? nodes : [{ name: 'churn-node', ip: '10.0.0.250' }];
    this.maxShortLived = Math.min(2000, Math.max(20, Math.round(rate * 2)));
    this.maxEvents = Math.min(5000, Math.max(200, Math.round(rate * 30)));
  }

  start(): void {
    if (!this.ctx.api.get('namespaces', '', CHURN_NAMESPACE)) {
      this.ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: CHURN_NAMESPACE, labels: { 'pilothouse.dev/purpose': 'churn' } } });
    }
    const steadyCount = Math.min(50, Math.max(5, Math.round(this.rate / 10)));
    for (let i = 0; i < steadyCount; i++) {
      const name = `heartbeat-${i}`;
      if (!this.ctx.store.get('pods', CHURN_NAMESPACE, name)) this.ctx.store.create('pods', this.pod(name, 'heartbeat'));
      this.steady.push(name);
    }
    this.startedAt = this.ctx.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const now = this.ctx.now();
    let due = Math.floor((this.rate * (now - this.startedAt)) / 1000) - this.produced;
    const backlog = this.rate * MAX_BACKLOG_SECONDS;
    if (due > backlog) {
      this.produced += due - Math.ceil(backlog);
      due = Math.ceil(backlog);
    }
    if (due <= 0 || !this.namespaceUsable()) return;
    // Bounded so that a run of writes producing nothing cannot spin.
    for (let attempts = 0; due > 0 && attempts < due * 3 + 3; attempts++) {
      const before = this.ctx.store.revision();
      try {
        this.step(now);
      } catch (err) {
        // Churn must not take the simulator down; a failed write simply does not count.
        if (attempts === 0) console.error('[sim] churn:', (err as Error).message);
      }
      const made = this.ctx.store.revision() - before;
      this.produced += made;
      due -= made;
    }
  }

  /** One write: the forced ones (expired pods, too many events) first, else a weighted pick. */
  private step(now: number): void {
    if (now >= this.nextExpiry) {
      const name = this.earliestShortLived();
      this.shortLived.delete(name);
      this.nextExpiry = this.shortLived.size ? this.shortLived.get(this.earliestShortLived())! : Infinity;
      this.ctx.store.delete('pods', CHURN_NAMESPACE, name);
      return;
    }
    if (this.events.length > this.maxEvents) {
      this.ctx.store.delete('events', CHURN_NAMESPACE, this.events.shift()!);
      return;
    }
    const r = Math.random();
    if (r < 0.3) this.annotationHeartbeat();
    else if (r < 0.55) this.statusHeartbeat();
    else if (r < 0.75 && this.shortLived.size < this.maxShortLived) this.createShortLived(now);
    else this.event();
  }

  /** False while namespace `churn` is gone or terminating (someone deleted it): writes would keep it alive. */
  private namespaceUsable(): boolean {
    const ns = this.ctx.store.get('namespaces', '', CHURN_NAMESPACE);
    return !!ns && !ns.json.includes('"deletionTimestamp"');
  }

  /** Read-modify-write of one steady pod (skipped if someone deleted it). */
  private modifySteady(change: (pod: PodLike) => void): void {
    const stored = this.ctx.store.get('pods', CHURN_NAMESPACE, pick(this.steady));
    if (!stored) return;
    const pod = stored.parse() as PodLike;
    change(pod);
    this.ctx.store.update('pods', pod, stored.rev);
  }

  private annotationHeartbeat(): void {
    this.modifySteady((pod) => {
      pod.metadata.annotations = { ...pod.metadata.annotations, 'churn.pilothouse.dev/heartbeat': `${this.ctx.timestamp()}#${++this.seq}` };
    });
  }

  /** A readiness-gate style condition an external controller keeps probing (as load-balancer controllers do). */
  private statusHeartbeat(): void {
    this.modifySteady((pod) => {
      const condition = { type: 'churn.pilothouse.dev/target-health', status: 'True', lastProbeTime: this.ctx.timestamp(), lastTransitionTime: pod.metadata.creationTimestamp ?? null, reason: 'Healthy', message: `probe #${++this.seq} ok` };
      const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== condition.type);
      pod.status = { ...pod.status, conditions: [...conditions, condition] };
    });
  }

  private createShortLived(now: number): void {
    const name = `task-${(++this.seq).toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    this.ctx.store.create('pods', this.pod(name, 'task'));
    const deleteAt = now + SHORT_LIVED_MS.min + Math.random() * (SHORT_LIVED_MS.max - SHORT_LIVED_MS.min);
    this.shortLived.set(name, deleteAt);
    this.nextExpiry = Math.min(this.nextExpiry, deleteAt);
    this.recentTasks.push(name);
    if (this.recentTasks.length > 50) this.recentTasks.shift();
  }

  /** A linear scan: at most a couple of thousand entries, once per deletion. */
  private earliestShortLived(): string {
    let best = '';
    let bestAt = Infinity;
    for (const [name, at] of this.shortLived) {
      if (at < bestAt) {
        best = name;
        bestAt = at;
      }
    }
    return best;
  }

  /** An Event about a churn pod, in the words of kubelet / the scheduler (Kubernetes v1.32). */
  private event(): void {
    const podName = pick(this.recentTasks.length && Math.random() < 0.7 ? this.recentTasks : this.steady);
    const pod = this.ctx.store.get('pods', CHURN_NAMESPACE, podName)?.parse();
    if (!pod) return;
    const node = (pod as { spec?: { nodeName?: string } }).spec?.nodeName ?? '';
    const image = 'ghcr.io/pilothouse/churn-worker:1.4.2';
    const kinds: [reason: string, message: string, type: 'Normal' | 'Warning', component: string][] = [
      ['Scheduled', `Successfully assigned ${CHURN_NAMESPACE}/${podName} to ${node}`, 'Normal', 'default-scheduler'],
      ['Pulled', `Container image "${image}" already present on machine`, 'Normal', 'kubelet'],
      ['Created', 'Created container: app', 'Normal', 'kubelet'],
      ['Started', 'Started container app', 'Normal', 'kubelet'],
      ['Killing', 'Stopping container app', 'Normal', 'kubelet'],
      ['Unhealthy', `Readiness probe failed: Get "http://${(pod as { status?: { podIP?: string } }).status?.podIP ?? '10.244.0.1'}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, 'Warning', 'kubelet'],
    ];
    const [reason, message, type, component] = pick(kinds);
    const now = this.ctx.timestamp();
    const name = `${podName}.${(this.ctx.now() * 1000 + (++this.seq % 1000)).toString(16)}`;
    const kubelet = component === 'kubelet';
    // Straight into the store (the churn's budget), so uid and creationTimestamp are ours to set.
    const event = eventObject({
      name,
      namespace: CHURN_NAMESPACE,
      metadata: { uid: randomUUID(), creationTimestamp: now },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: podName, namespace: CHURN_NAMESPACE, uid: pod.metadata.uid, ...(kubelet ? { fieldPath: 'spec.containers{app}' } : {}) },
      reason,
      message,
      type,
      component,
      host: kubelet ? node : undefined,
      timestamp: now,
    });
    this.ctx.store.create('events', event);
    this.events.push(name);
  }

  /** A Running, Ready pod (the scale scenario's realistic shape) with no owner, so no controller touches it. */
  private pod(name: string, app: string): KubeObject {
    const node = this.nodes[this.seq % this.nodes.length];
    const n = ++this.seq;
    const started = this.ctx.timestamp();
    const pod = realisticPod({
      namespace: CHURN_NAMESPACE,
      name,
      uid: randomUUID(),
      app: `churn-${app}`,
      hash: 'c4f9d7b6d8',
      rsName: `churn-${app}`,
      rsUid: `churn-${app}`,
      node: node.name,
      hostIP: node.ip,
      podIP: `10.250.${(n >> 8) & 255}.${n & 255}`,
      image: 'ghcr.io/pilothouse/churn-worker:1.4.2',
      created: started,
      started,
      seq: n,
    });
    // A bare pod: no owner (the garbage collector would delete it), no generateName.
    delete pod.metadata.ownerReferences;
    delete pod.metadata.generateName;
    delete pod.metadata.labels?.['pod-template-hash'];
    return pod;
  }
}

interface PodLike extends KubeObject {
  status?: { conditions?: { type: string }[] } & Record<string, unknown>;
}

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)];
}
