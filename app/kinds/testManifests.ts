/**
 * Test support: turns real-world manifests (app/testdata/manifests, imported with Vite's `?raw`)
 * into objects as the API server would return them (uid, namespace, creationTimestamp filled in).
 * Used only by tests; pure (no file access of its own).
 */
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../kube/object';

let counter = 0;

export function objectsFromYaml(text: string, namespace = 'default', creationTimestamp = '2026-11-20T00:00:00Z'): KubeObject[] {
  const out: KubeObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    const obj = doc.toJS() as KubeObject | null;
    if (!obj || typeof obj !== 'object' || !obj.kind) continue;
    const clusterScoped = ['Namespace', 'Node', 'PersistentVolume', 'StorageClass', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition'].includes(obj.kind);
    obj.metadata = {
      ...obj.metadata,
      uid: obj.metadata?.uid ?? `uid-${obj.kind.toLowerCase()}-${obj.metadata?.name}-${++counter}`,
      creationTimestamp: obj.metadata?.creationTimestamp ?? creationTimestamp,
      ...(clusterScoped ? {} : { namespace: obj.metadata?.namespace ?? namespace }),
    };
    out.push(obj);
  }
  return out;
}

/** The one object of a kind (and optionally name) among objects; throws when missing so tests fail clearly. */
export function pick(objects: KubeObject[], kind: string, name?: string): KubeObject {
  const found = objects.find((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
  if (!found) throw new Error(`no ${kind}${name ? ` named ${name}` : ''} in the manifests`);
  return found;
}

/** An owner reference to `owner`, marked as controller. */
export function controllerRef(owner: KubeObject) {
  return { apiVersion: owner.apiVersion ?? 'v1', kind: owner.kind ?? '', name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/**
 * What the controllers would create for a Deployment: a ReplicaSet owned by it and `replicas`
 * pods owned by the ReplicaSet, each with the template's labels and spec.
 */
export function rolloutOf(deployment: KubeObject, replicas = 2): { replicaSet: KubeObject; pods: KubeObject[] } {
  const name = `${deployment.metadata.name}-7d9f8`;
  const template = deployment.spec.template;
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: deployment.metadata.namespace, uid: `uid-rs-${name}`, labels: template.metadata.labels, ownerReferences: [controllerRef(deployment)] },
    spec: { replicas, selector: deployment.spec.selector, template },
  };
  const pods = Array.from({ length: replicas }, (_, i): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-${i}`,
      namespace: deployment.metadata.namespace,
      uid: `uid-pod-${name}-${i}`,
      labels: { ...template.metadata.labels, 'pod-template-hash': '7d9f8' },
      ownerReferences: [controllerRef(replicaSet)],
    },
    spec: template.spec,
  }));
  return { replicaSet, pods };
}
