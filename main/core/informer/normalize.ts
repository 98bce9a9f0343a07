/** What every object goes through on arrival from the API server. */
import type { KubeObject, ResourceRef } from '../../../app/kube/object';
import { apiVersionOf } from '../../../app/kube/object';
import { redactSecret } from '../../../app/kinds/secretRedaction';

/**
 * Strips `metadata.managedFields` (≈40 % of a pod's JSON, never shown) and fills in apiVersion
 * and kind, which the API server omits on list items. Secrets are redacted here, before they
 * leave the core: values reach the renderer only one key at a time, through `revealSecret`.
 */
export function normalizeObject(obj: KubeObject, ref: Pick<ResourceRef, 'group' | 'version'> & { resource?: string }, kind?: string): KubeObject {
  if (obj.metadata && 'managedFields' in obj.metadata) delete obj.metadata.managedFields;
  if (!obj.apiVersion) obj.apiVersion = apiVersionOf(ref);
  if (!obj.kind && kind) obj.kind = kind;
  // A list without its `kind` must not let Secrets through unredacted.
  if (!obj.kind && !ref.group && ref.resource === 'secrets') obj.kind = 'Secret';
  // In place, like the managedFields strip: callers keep the object they passed in.
  return Object.assign(obj, redactSecret(obj));
}

/** The path of a resource collection: /api/v1/namespaces/ns/pods or /apis/apps/v1/deployments. */
export function collectionPath(ref: ResourceRef, namespace?: string): string {
  const base = ref.group ? `/apis/${encodeURIComponent(ref.group)}/${encodeURIComponent(ref.version)}` : `/api/${encodeURIComponent(ref.version)}`;
  const ns = namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${encodeURIComponent(ref.resource)}`;
}

