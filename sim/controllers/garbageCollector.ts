/**
 * garbage-collector: ownerReference cascades.
 * - Background: when an owner is gone, its dependents (with no other live owner) are deleted.
 * - Foreground: an owner with the `foregroundDeletion` finalizer has its dependents deleted
 *   (themselves in foreground), and loses the finalizer — and so disappears — when none remain.
 * - Orphan: an owner with the `orphan` finalizer has its ownerReference removed from every
 *   dependent, then loses the finalizer.
 */
import type { KubeObject } from './model';
import type { PodSummary } from './podSummary';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

type Dependent = { resource: string; namespace: string; name: string; uid: string; owners: string[]; deleting: boolean };

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector';

  keysFor(_resource: string, ev: CachedEvent): string[] {
    const keys: string[] = [];
    const meta = ev.object?.metadata;
    if (ev.type === 'DELETED') {
      const uid = ev.object?.metadata.uid ?? ev.pod?.uid;
      if (uid) keys.push(`gone:${uid}`);
      // A dependent went away: an owner waiting in foreground deletion may now be free.
      for (const owner of ev.pod?.ownerUids ?? meta?.ownerReferences?.map((r) => r.uid) ?? []) keys.push(`owner:${owner}`);
    } else if (meta?.deletionTimestamp && meta.finalizers?.some((f) => f === 'foregroundDeletion' || f === 'orphan')) {
      keys.push(`owner:${meta.uid}`);
    } else if (ev.pod?.deleting && ev.pod.gcFinalizer) {
      keys.push(`owner:${ev.pod.uid}`);
    }
    return keys;
  }

  start(rt: Runtime): void {
    for (const r of [R.replicaSets, R.deployments, R.statefulSets, R.daemonSets, R.jobs, R.cronJobs]) {
      for (const o of rt.list(r)) {
        for (const ref of o.metadata.ownerReferences ?? []) if (!rt.lookupUid(ref.uid)) rt.enqueue(this.name, `gone:${ref.uid}`);
        if (o.metadata.deletionTimestamp) rt.enqueue(this.name, `owner:${o.metadata.uid}`);
      }
    }
  }

  sync(key: string, rt: Runtime): void {
    const [kind, uid] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'gone') return this.collectOrphans(uid, rt);
    const where = rt.lookupUid(uid);
    if (!where) return this.collectOrphans(uid, rt);
    const owner = where.resource === R.pods ? rt.getPod(where.namespace, where.name) : rt.get(where.resource, where.namespace || undefined, where.name);
    if (!owner?.metadata.deletionTimestamp) return;
    const finalizers = owner.metadata.finalizers ?? [];
    const dependents = this.dependents(uid, rt);
    if (finalizers.includes('orphan')) {
      for (const d of dependents) this.dropOwnerRef(d, uid, rt);
      this.removeFinalizer(where.resource, owner, 'orphan', rt);
      return;
    }
    if (finalizers.includes('foregroundDeletion')) {
      const blocking = dependents.filter((d) => d.owners.includes(uid));
      for (const d of blocking) {
        // Dependents go in foreground too (pods, which own nothing, simply go gracefully).
        const policy = d.resource === R.pods ? undefined : 'Foreground';
        if (!d.deleting) rt.remove(d.resource, d.namespace, d.name, { ...(policy ? { propagationPolicy: policy } : {}), preconditions: { uid: d.uid } });
      }
      if (blocking.length === 0) this.removeFinalizer(where.resource, owner, 'foregroundDeletion', rt);
      else rt.enqueue(this.name, key, 2000);
    }
  }

  /** Background cascade: delete dependents of a vanished owner that have no other live owner. */
  private collectOrphans(ownerUid: string, rt: Runtime): void {
    for (const d of this.dependents(ownerUid, rt)) {
      if (d.deleting) continue;
      const liveOwners = d.owners.filter((u) => u !== ownerUid && rt.lookupUid(u));
      if (liveOwners.length > 0) {
        this.dropOwnerRef(d, ownerUid, rt);
        continue;
      }
      rt.remove(d.resource, d.namespace, d.name, { propagationPolicy: 'Background', preconditions: { uid: d.uid } });
    }
  }

  private dependents(ownerUid: string, rt: Runtime): Dependent[] {
    const fromPods = rt.podsOwnedBy(ownerUid).map((p: PodSummary) => ({
      resource: R.pods, namespace: p.namespace, name: p.name, uid: p.uid, owners: p.ownerUids, deleting: p.deleting,
    }));
    const fromCache = rt.dependentsOf(ownerUid).map(({ resource, object }) => ({
      resource,
      namespace: object.metadata.namespace ?? '',
      name: object.metadata.name ?? '',
      uid: object.metadata.uid ?? '',
      owners: (object.metadata.ownerReferences ?? []).map((r) => r.uid),
      deleting: !!object.metadata.deletionTimestamp,
    }));
    return [...fromPods, ...fromCache];
  }

  private dropOwnerRef(d: Dependent, ownerUid: string, rt: Runtime): void {
    const current = d.resource === R.pods ? rt.getPod(d.namespace, d.name) : rt.get(d.resource, d.namespace || undefined, d.name);
    if (!current || current.metadata.uid !== d.uid) return;
    rt.mutate(d.resource, current as KubeObject, (draft) => {
      draft.metadata.ownerReferences = (draft.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
      if (draft.metadata.ownerReferences.length === 0) delete draft.metadata.ownerReferences;
    });
  }

  private removeFinalizer(resource: string, owner: KubeObject, finalizer: string, rt: Runtime): void {
    const fresh = rt.ctx.store.get(resource, owner.metadata.namespace ?? '', owner.metadata.name ?? '')?.parse() as KubeObject | undefined;
    if (!fresh || fresh.metadata.uid !== owner.metadata.uid) return;
    rt.mutate(resource, fresh, (draft) => {
      draft.metadata.finalizers = (draft.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      if (draft.metadata.finalizers.length === 0) delete draft.metadata.finalizers;
    });
  }
}
