/**
 * ControllerRevisions for StatefulSets and DaemonSets (what `kubectl rollout history/undo`
 * reads for them): one per distinct pod template, named `<owner>-<hash>`, numbered in order.
 */
import { clone, controllerRef, deepEqual, podTemplateHash } from './meta';
import type { KubeObject, PodTemplateSpec } from './model';
import { R } from './resources';
import type { Runtime } from './runtime';

export const REVISION_HASH_LABEL = 'controller-revision-hash';

interface ControllerRevision extends KubeObject {
  data?: { spec?: { template?: PodTemplateSpec } };
  revision?: number;
}

/** The revision for `template` (created if new, renumbered if an old one became current again). */
export function ensureRevision(owner: KubeObject, template: PodTemplateSpec, rt: Runtime): { name: string; revision: number } {
  const ns = owner.metadata.namespace ?? '';
  const uid = owner.metadata.uid ?? '';
  const revisions = (rt.ctx.store.list(R.controllerRevisions, { namespace: ns }).map((s) => s.parse()) as unknown as ControllerRevision[])
    .filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === uid));
  const max = Math.max(0, ...revisions.map((r) => r.revision ?? 0));
  const same = revisions.find((r) => deepEqual(r.data?.spec?.template, stripPatch(template)));
  if (same) {
    if ((same.revision ?? 0) < max) rt.update(R.controllerRevisions, { ...same, revision: max + 1 });
    return { name: same.metadata.name ?? '', revision: Math.max(same.revision ?? 0, max) };
  }
  const hash = podTemplateHash(template).slice(0, 10);
  const name = `${owner.metadata.name}-${hash}`;
  const existing = revisions.find((r) => r.metadata.name === name);
  if (existing) return { name, revision: existing.revision ?? max };
  rt.create(R.controllerRevisions, {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: ns, labels: { ...(template.metadata?.labels ?? {}), 'controller.kubernetes.io/hash': hash }, ownerReferences: [controllerRef(owner)] },
    data: { spec: { template: stripPatch(template) } },
    revision: max + 1,
  });
  return { name, revision: max + 1 };
}

function stripPatch(template: PodTemplateSpec): PodTemplateSpec {
  return clone(template);
}
