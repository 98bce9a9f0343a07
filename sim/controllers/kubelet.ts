/**
 * The kubelets of every simulated node in one controller: runs each bound pod's state machine
 * (podRuntime), posts its status, emits the kubelet's Events, and finishes graceful deletion
 * (Killing → containers stop → final delete with gracePeriodSeconds 0).
 */
import { hasPodBehaviour } from './behaviour';
import { msg } from './events';
import type { NodeObject } from './model';
import { isActive } from './podSummary';
import { newPodRun, stepPod, type PodRun } from './podRuntime';
import { renderPodStatus } from './podStatus';
import { R } from './resources';
import type { Controller, Runtime } from './runtime';

/** How long a container takes to exit on SIGTERM (sim ms), unless it uses its whole grace period. */
const SIGTERM_EXIT_MS = 1500;

export class Kubelet implements Controller {
  readonly name = 'kubelet';
  private readonly runs = new Map<string, PodRun>();
  private readonly wakeAt = new Map<string, number>();
  private readonly terminating = new Set<string>();
  private readonly images = new Map<string, Set<string>>();
  private readonly nextIp = new Map<string, number>();
  private readonly podIPs = new Map<string, string>();

  keysFor(resource: string, ev: Parameters<Controller['keysFor']>[1]): string[] {
    if (resource !== R.pods || !ev.pod) return [];
    if (ev.type === 'DELETED') {
      this.forget(ev.pod.uid);
      return [];
    }
    return ev.pod.nodeName ? [`${ev.pod.namespace}/${ev.pod.name}`] : [];
  }

  start(rt: Runtime): void {
    for (const p of rt.pods.values()) if (p.nodeName && (isActive(p) || p.deleting)) rt.enqueue(this.name, `${p.namespace}/${p.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const summary = rt.pods.get(key);
    if (!summary?.nodeName) return;
    const node = rt.get<NodeObject>(R.nodes, undefined, summary.nodeName);
    if (!node) return;
    if (summary.deleting) return this.terminate(summary.namespace, summary.name, rt);
    let run = this.runs.get(summary.uid);
    if (!run) {
      if (summary.phase === 'Succeeded' || summary.phase === 'Failed') return;
      // A pod that is already Running and Ready (loaded by a scenario) needs nothing from us.
      if (summary.phase === 'Running' && summary.ready) return;
      const pod = rt.getPod(summary.namespace, summary.name);
      if (!pod) return;
      run = newPodRun(pod, rt.now(), rt.speed);
      this.runs.set(summary.uid, run);
    }
    const pod = rt.getPod(summary.namespace, summary.name);
    if (!pod) return;
    const now = rt.now();
    const nodeName = summary.nodeName;
    const { events, next } = stepPod(run, pod, now, {
      speed: rt.speed,
      imagePresent: (image) => this.images.get(nodeName)?.has(image) ?? false,
      markPulled: (image) => {
        if (!this.images.has(nodeName)) this.images.set(nodeName, new Set());
        this.images.get(nodeName)!.add(image);
      },
    });
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.0.0.1';
    const status = renderPodStatus(run, pod, now, { hostIP, podIP: pod.spec.hostNetwork ? hostIP : this.podIP(summary.uid, node) });
    if (JSON.stringify(status) !== JSON.stringify(pod.status)) rt.updateStatus(R.pods, { ...pod, status });
    for (const e of events) rt.event(pod, e.type, e.reason, e.message, 'kubelet', nodeName, e.fieldPath);
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      this.runs.delete(summary.uid);
      return;
    }
    this.wake(key, summary.uid, next, rt);
  }

  /** Marks pods of a node as images already present (scenarios pre-warm system images). */
  prewarm(node: string, images: string[]): void {
    if (!this.images.has(node)) this.images.set(node, new Set());
    for (const i of images) this.images.get(node)!.add(i);
  }

  private wake(key: string, uid: string, at: number, rt: Runtime): void {
    if (!Number.isFinite(at)) return;
    const pending = this.wakeAt.get(uid);
    if (pending !== undefined && pending <= at && pending > rt.now()) return;
    this.wakeAt.set(uid, at);
    rt.after(Math.max(1, (at - rt.now()) * rt.speed), () => {
      if (this.wakeAt.get(uid) === at) this.wakeAt.delete(uid);
      rt.enqueue(this.name, key);
    });
  }

  private terminate(namespace: string, name: string, rt: Runtime): void {
    const pod = rt.getPod(namespace, name);
    const uid = pod?.metadata.uid;
    if (!pod || !uid || this.terminating.has(uid)) return;
    this.terminating.add(uid);
    const running = (pod.status?.containerStatuses ?? []).filter((c) => c.state?.running);
    for (const c of running) rt.event(pod, 'Normal', 'Killing', msg.killing(c.name), 'kubelet', pod.spec.nodeName, `spec.containers{${c.name}}`);
    const grace = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1000;
    const delay = running.length === 0 ? 0 : hasPodBehaviour(pod, 'slow-shutdown') ? grace : Math.min(grace, SIGTERM_EXIT_MS);
    rt.after(delay, () => {
      this.forget(uid);
      rt.remove(R.pods, namespace, name, { gracePeriodSeconds: 0, preconditions: { uid } });
    });
  }

  private forget(uid: string): void {
    this.runs.delete(uid);
    this.wakeAt.delete(uid);
    this.terminating.delete(uid);
    this.podIPs.delete(uid);
  }

  /** Allocates pod IPs from the node's podCIDR (10.244.N.0/24 → 10.244.N.2…). */
  private podIP(uid: string, node: NodeObject): string {
    const known = this.podIPs.get(uid);
    if (known) return known;
    const cidr = (node.spec?.podCIDR as string | undefined) ?? '10.244.0.0/24';
    const base = cidr.split('/')[0].split('.').map(Number);
    const name = node.metadata.name ?? '';
    const n = (this.nextIp.get(name) ?? 1) + 1;
    this.nextIp.set(name, n >= 254 ? 1 : n);
    const ip = `${base[0]}.${base[1]}.${base[2] + Math.floor(n / 254)}.${(n % 254) + 1}`;
    this.podIPs.set(uid, ip);
    return ip;
  }
}
