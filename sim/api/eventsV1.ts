/** events.k8s.io/v1 as a converted view of core/v1 Events (one storage, as in kube-apiserver). */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../types';

export function coreToEventsV1(e: any): KubeObject {
  const out: any = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: e.metadata,
    eventTime: e.eventTime ?? null,
    reportingController: e.reportingComponent || e.source?.component || '',
    reportingInstance: e.reportingInstance || e.source?.host || '',
    action: e.action ?? '',
    reason: e.reason,
    regarding: e.involvedObject,
    note: e.message,
    type: e.type,
    deprecatedSource: e.source,
    deprecatedFirstTimestamp: e.firstTimestamp,
    deprecatedLastTimestamp: e.lastTimestamp,
    deprecatedCount: e.count,
  };
  if (e.related) out.related = e.related;
  if (e.series) out.series = e.series;
  return out;
}

export function eventsV1ToCore(e: any): KubeObject {
  const out: any = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: e.metadata ?? {},
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    type: e.type,
    eventTime: e.eventTime ?? null,
    reportingComponent: e.reportingController ?? '',
    reportingInstance: e.reportingInstance ?? '',
    action: e.action,
    source: e.deprecatedSource ?? { component: e.reportingController },
    firstTimestamp: e.deprecatedFirstTimestamp ?? e.eventTime ?? null,
    lastTimestamp: e.deprecatedLastTimestamp ?? e.eventTime ?? null,
    count: e.deprecatedCount ?? 1,
  };
  if (e.related) out.related = e.related;
  if (e.series) out.series = e.series;
  return out;
}
