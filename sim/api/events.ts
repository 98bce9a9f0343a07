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
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: ref,
        reason: input.reason,
        message: input.message,
        source: input.host ? { component, host: input.host } : { component },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: input.host ?? '',
      };
      deps.api.create('events', event);
      recent.set(key, { namespace, name });
      if (recent.size > 5000) recent.delete(recent.keys().next().value as string);
    } catch (err) {
      console.error('[sim] recordEvent failed:', (err as Error).message);
    }
  };
}
