/**
 * The kubelets' heartbeats: a Lease per node in `kube-node-lease` renewed every 10 s, and the
 * node's condition heartbeats refreshed every 5 min (nodeStatusReportFrequency), so
 * `kubectl describe node` shows a live node. Skipped above 100 nodes (the scale scenario),
 * where thousands of renewals would only add noise to benchmarks.
 */
import type { KubeObject } from './model';
import { rfc3339 } from './model';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

const LEASES = 'leases.coordination.k8s.io';
const LEASE_RENEW_MS = 10_000;
const STATUS_REPORT_MS = 300_000;
const MAX_NODES = 100;

/** metav1.MicroTime: RFC 3339 with microseconds. */
const microTime = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

export class NodeHeartbeat implements Controller {
  readonly name = 'node-heartbeat';
  private readonly lastStatus = new Map<string, number>();

  keysFor(resource: string, ev: CachedEvent): string[] {
    return resource === R.nodes && ev.type === 'ADDED' && ev.object ? [ev.object.metadata.name ?? ''] : [];
  }

  start(rt: Runtime): void {
    for (const n of rt.list(R.nodes)) rt.enqueue(this.name, n.metadata.name ?? '');
  }

  sync(name: string, rt: Runtime): void {
    const node = rt.get(R.nodes, undefined, name);
    if (!node || rt.count(R.nodes) > MAX_NODES || !rt.ctx.resources.get(LEASES)) return;
    const now = rt.now();
    this.renewLease(node, now, rt);
    const last = this.lastStatus.get(name) ?? now;
    if (!this.lastStatus.has(name)) this.lastStatus.set(name, now);
    else if ((now - last) * rt.speed >= STATUS_REPORT_MS) {
      this.lastStatus.set(name, now);
      rt.mutate(R.nodes, node, (draft) => {
        const conditions = (draft.status as { conditions?: Array<{ lastHeartbeatTime?: string }> } | undefined)?.conditions ?? [];
        for (const c of conditions) c.lastHeartbeatTime = rfc3339(now);
      }, true);
    }
    rt.enqueue(this.name, name, LEASE_RENEW_MS);
  }

  private renewLease(node: KubeObject, now: number, rt: Runtime): void {
    const name = node.metadata.name ?? '';
    const existing = rt.ctx.store.get(LEASES, 'kube-node-lease', name)?.parse() as KubeObject | undefined;
    if (!existing) {
      if (!rt.ctx.store.get(R.namespaces, '', 'kube-node-lease')) return;
      rt.create(LEASES, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid ?? '' }] },
        spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime: microTime(now) },
      });
      return;
    }
    rt.update(LEASES, { ...existing, spec: { ...(existing.spec as object), renewTime: microTime(now) } });
  }
}
