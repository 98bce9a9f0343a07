/**
 * A light rendition of managedFields: one entry per (manager, operation, subresource) with the
 * FieldsV1 set of what the object holds. Real servers compute field ownership diffs; this keeps
 * the shape clients see (kubectl --show-managed-fields, UIs listing managers).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */

const KEYED: Record<string, string> = { containers: 'name', initContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath', ports: 'containerPort', conditions: 'type' };

function fieldsOf(v: any, depth = 0): any {
  if (depth > 6 || v === null || typeof v !== 'object' || Array.isArray(v)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (Array.isArray(x) && KEYED[k] && x.every((i) => i && typeof i === 'object' && i[KEYED[k]] !== undefined)) {
      const items: Record<string, unknown> = { '.': {} };
      for (const item of x) items[`k:${JSON.stringify({ [KEYED[k]]: item[KEYED[k]] })}`] = { '.': {}, ...fieldsOf(item, depth + 1) };
      out[`f:${k}`] = items;
    } else if (x && typeof x === 'object' && !Array.isArray(x)) {
      out[`f:${k}`] = { ...(Object.keys(x).length ? { '.': {} } : {}), ...fieldsOf(x, depth + 1) };
    } else {
      out[`f:${k}`] = {};
    }
  }
  return out;
}

/** Records the write of `manager` in `o.metadata.managedFields` (replacing its previous entry). */
export function updateManagedFields(o: any, manager: string | undefined, operation: 'Update' | 'Apply', time: string, subresource?: string): void {
  if (!manager) return;
  const { metadata, status, apiVersion: _a, kind: _k, ...rest } = o;
  const body = subresource === 'status' ? { status } : rest;
  const fieldsV1: Record<string, unknown> = fieldsOf(body);
  const meta: Record<string, unknown> = {};
  if (metadata?.labels) meta['f:labels'] = fieldsOf(metadata.labels);
  if (metadata?.annotations) meta['f:annotations'] = fieldsOf(metadata.annotations);
  if (subresource !== 'status' && Object.keys(meta).length) fieldsV1['f:metadata'] = meta;
  const entry: Record<string, unknown> = { manager, operation, apiVersion: o.apiVersion, time, fieldsType: 'FieldsV1', fieldsV1 };
  if (subresource) entry.subresource = subresource;
  const list = (metadata.managedFields ?? []).filter((m: any) => !(m.manager === manager && m.operation === operation && (m.subresource ?? '') === (subresource ?? '')));
  list.push(entry);
  metadata.managedFields = list;
}
