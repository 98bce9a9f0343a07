/**
 * namespace-controller: a Terminating namespace has every namespaced object in it deleted
 * (pods gracefully, through the kubelet), reports what remains in its status conditions, and
 * is finalized (and so removed) once it is empty.
 */
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';
import { rfc3339 } from './model';

const RECHECK_MS = 1000;

export class NamespaceController implements Controller {
  readonly name = 'namespace';

  keysFor(resource: string, ev: CachedEvent): string[] {
    if (resource !== R.namespaces || !ev.object || ev.type === 'DELETED') return [];
    if (ev.object.metadata.deletionTimestamp) return [ev.object.metadata.name ?? ''];
    return ev.type === 'ADDED' ? [`defaults:${ev.object.metadata.name}`] : [];
  }

  start(rt: Runtime): void {
    for (const ns of rt.list(R.namespaces)) rt.enqueue(this.name, ns.metadata.deletionTimestamp ? ns.metadata.name ?? '' : `defaults:${ns.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    if (key.startsWith('defaults:')) return this.ensureDefaults(key.slice(9), rt);
    const name = key;
    const ns = rt.get(R.namespaces, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    for (const type of rt.ctx.resources.all()) {
      if (!type.namespaced || type.virtual || !type.verbs.includes('delete')) continue;
      for (const stored of rt.ctx.store.list(type.key, { namespace: name })) {
        const label = type.group ? `${type.plural}.${type.group}` : type.plural;
        remaining.set(label, (remaining.get(label) ?? 0) + 1);
        if (stored.json.includes('"deletionTimestamp"')) continue;
        rt.remove(type.key, name, stored.name, { propagationPolicy: 'Background' });
      }
    }
    if (remaining.size === 0) {
      rt.ctx.api.finalizeNamespace(name);
      return;
    }
    this.reportRemaining(name, remaining, rt);
    rt.enqueue(this.name, name, RECHECK_MS);
  }

  /** serviceaccount-controller: every namespace has a `default` ServiceAccount. */
  private ensureDefaults(name: string, rt: Runtime): void {
    const ns = rt.get(R.namespaces, undefined, name);
    if (!ns || ns.metadata.deletionTimestamp || rt.ctx.store.get(R.serviceAccounts, name, 'default')) return;
    rt.create(R.serviceAccounts, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } });
  }

  private reportRemaining(name: string, remaining: Map<string, number>, rt: Runtime): void {
    const ns = rt.get(R.namespaces, undefined, name);
    if (!ns) return;
    const now = rfc3339(rt.now());
    const list = [...remaining.entries()].sort();
    const conditions = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', lastTransitionTime: now, reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', lastTransitionTime: now, reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', lastTransitionTime: now, reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      { type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: now, reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${list.map(([k, n]) => `${k} has ${n} resource instances`).join(', ')}` },
      { type: 'NamespaceFinalizersRemaining', status: 'False', lastTransitionTime: now, reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const prev = (ns.status as { conditions?: Array<{ message?: string }> } | undefined)?.conditions;
    if (prev?.[3]?.message === conditions[3].message) return;
    try {
      rt.mutate(R.namespaces, ns, (draft) => {
        draft.status = { ...(draft.status as object), phase: 'Terminating', conditions };
      }, true);
    } catch {
      // The namespace may have just been finalized; nothing to report then.
    }
  }
}
