/** core/v1 Events as components record them, with the recorder's aggregation (count, lastTimestamp). */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { EventInput, KubeObject, ObjectApi, Store } from '../types';
import { randomSuffix } from './objects';

export interface EventRecorderDeps {
  store: Store;
  api: ObjectApi;
  timestamp(): string;
  now(): number;
}

/** The body of a core/v1 Event as kube's event recorder writes it (first occurrence, count 1). */
export function eventObject(e: {
  name: string;
  namespace: string;
  involvedObject: Record<string, unknown>;
  reason: string;
  message: string;
  type: string;
  component: string;
  host?: string;
  timestamp: string;
  metadata?: Record<string, unknown>;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: e.name, namespace: e.namespace, ...e.metadata },
    involvedObject: e.involvedObject,
    reason: e.reason,
    message: e.message,
    source: e.host ? { component: e.component, host: e.host } : { component: e.component },
    firstTimestamp: e.timestamp,
    lastTimestamp: e.timestamp,
    count: 1,
    type: e.type,
    eventTime: null,
    reportingComponent: e.component,
    reportingInstance: e.host ?? '',
  };
}

/** Creates a recordEvent(input) function. Errors are logged, never thrown. */
export function createEventRecorder(deps: EventRecorderDeps): (input: EventInput) => void {
  // Aggregation key → event name, as client-go's EventCorrelator dedups identical events.
  const recent = new Map<string, { namespace: string; name: string }>();
  return (input: EventInput) => {
    try {
      const inv: any = input.involvedObject;
      const ref = 'metadata' in inv
        ? { apiVersion: inv.apiVersion, kind: inv.kind, name: inv.metadata.name, namespace: inv.metadata.namespace, uid: inv.metadata.uid, resourceVersion: inv.metadata.resourceVersion }
        : { apiVersion: inv.apiVersion, kind: inv.kind, name: inv.name, namespace: inv.namespace, uid: inv.uid };
      if (input.fieldPath ?? inv.fieldPath) (ref as any).fieldPath = input.fieldPath ?? inv.fieldPath;
      for (const k of Object.keys(ref) as (keyof typeof ref)[]) if (ref[k] === undefined) delete ref[k];
      const namespace = ref.namespace || 'default';
      const type = input.type ?? 'Normal';
      const component = input.component ?? 'sim';
      const key = [namespace, ref.kind, ref.name, ref.uid, (ref as any).fieldPath, type, input.reason, input.message, component, input.host].join('\u0000');
      const now = deps.timestamp();
      const prev = recent.get(key);
      if (prev) {
        const cur = deps.store.get('events', prev.namespace, prev.name);
        if (cur) {
          const ev = cur.parse() as any;
          ev.count = (ev.count ?? 1) + 1;
          ev.lastTimestamp = now;
          delete ev.metadata.resourceVersion;
          deps.api.update('events', ev);
          return;
        }
      }
      if (!deps.store.get('namespaces', '', namespace)) return;
      const name = `${ref.name}.${(deps.now() * 1000 + Math.floor(Math.random() * 1000)).toString(16)}${randomSuffix(2)}`;
      deps.api.create('events', eventObject({ name, namespace, involvedObject: ref, reason: input.reason, message: input.message, type, component, host: input.host, timestamp: now }));
      recent.set(key, { namespace, name });
      if (recent.size > 5000) recent.delete(recent.keys().next().value as string);
    } catch (err) {
      console.error('[sim] recordEvent failed:', (err as Error).message);
    }
  };
}
