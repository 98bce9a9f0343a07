/**
 * Pure relations between objects used by the detail view's "Related" section: ownership, what a
 * Pod mounts or references, and which Pods a Service selects.
 */
import type { KubeObject } from '../../../../app/kube/object';
import { matchesLabelSelector, selectorFromMatchLabels } from '../../../../app/selectors/labelSelector';

export function isOwnedBy(obj: KubeObject, ownerUids: ReadonlySet<string>): boolean {
  return (obj.metadata.ownerReferences ?? []).some((o) => ownerUids.has(o.uid));
}

export interface PodReferences {
  persistentVolumeClaims: Set<string>;
  configMaps: Set<string>;
  secrets: Set<string>;
}

interface NameRef {
  name?: string;
}
interface EnvVar {
  valueFrom?: { configMapKeyRef?: NameRef; secretKeyRef?: NameRef };
}
interface EnvFrom {
  configMapRef?: NameRef;
  secretRef?: NameRef;
}
interface Container {
  env?: EnvVar[];
  envFrom?: EnvFrom[];
}
interface Volume {
  persistentVolumeClaim?: { claimName?: string };
  configMap?: NameRef;
  secret?: { secretName?: string };
  projected?: { sources?: Array<{ configMap?: NameRef; secret?: NameRef }> };
}

/** Every PVC, ConfigMap and Secret a Pod mounts as a volume or reads into its environment. */
export function podReferences(pod: KubeObject): PodReferences {
  const refs: PodReferences = { persistentVolumeClaims: new Set(), configMaps: new Set(), secrets: new Set() };
  const add = (set: Set<string>, name: string | undefined) => {
    if (name) set.add(name);
  };
  for (const v of (pod.spec?.volumes ?? []) as Volume[]) {
    add(refs.persistentVolumeClaims, v.persistentVolumeClaim?.claimName);
    add(refs.configMaps, v.configMap?.name);
    add(refs.secrets, v.secret?.secretName);
    for (const s of v.projected?.sources ?? []) {
      add(refs.configMaps, s.configMap?.name);
      add(refs.secrets, s.secret?.name);
    }
  }
  const containers = [...((pod.spec?.containers ?? []) as Container[]), ...((pod.spec?.initContainers ?? []) as Container[])];
  for (const c of containers) {
    for (const e of c.env ?? []) {
      add(refs.configMaps, e.valueFrom?.configMapKeyRef?.name);
      add(refs.secrets, e.valueFrom?.secretKeyRef?.name);
    }
    for (const e of c.envFrom ?? []) {
      add(refs.configMaps, e.configMapRef?.name);
      add(refs.secrets, e.secretRef?.name);
    }
  }
  for (const s of (pod.spec?.imagePullSecrets ?? []) as NameRef[]) add(refs.secrets, s.name);
  return refs;
}

/** Pods of the Service's namespace its selector picks (a Service without selector picks none). */
export function podsSelectedByService(service: KubeObject, pods: Iterable<KubeObject>): KubeObject[] {
  const map = service.spec?.selector as Record<string, string> | undefined;
  if (!map || Object.keys(map).length === 0) return [];
  const selector = selectorFromMatchLabels(map);
  const out: KubeObject[] = [];
  for (const p of pods) {
    if (p.metadata.namespace === service.metadata.namespace && matchesLabelSelector(selector, p.metadata.labels)) out.push(p);
  }
  return out;
}

/** Pods that mount or reference an object of `kind` named `name` (same namespace). */
export function podsReferencing(kind: 'PersistentVolumeClaim' | 'ConfigMap' | 'Secret', name: string, namespace: string | undefined, pods: Iterable<KubeObject>): KubeObject[] {
  const out: KubeObject[] = [];
  for (const p of pods) {
    if (p.metadata.namespace !== namespace) continue;
    const refs = podReferences(p);
    const set = kind === 'PersistentVolumeClaim' ? refs.persistentVolumeClaims : kind === 'ConfigMap' ? refs.configMaps : refs.secrets;
    if (set.has(name)) out.push(p);
  }
  return out;
}
