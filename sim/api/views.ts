/**
 * Converted views: resource types served in one version but stored in another, as
 * kube-apiserver serves several versions of a resource from one storage. The REST layer reads
 * and writes the stored form and converts at the edge; watches and lists render through it.
 */
import type { KubeObject, ResourceKey, ResourceType } from '../types';
import { coreToEventsV1, eventsV1ToCore } from './eventsV1';
import { hpaV1ToV2, hpaV2ToV1 } from './hpaV1';

export interface ConvertedView {
  /** Store key the objects live under (the storage version's resource key). */
  storeKey: ResourceKey;
  /** Stored object → the served version. */
  fromStore(o: KubeObject): KubeObject;
  /** Served version (a client's body) → the stored form. */
  toStore(o: KubeObject): KubeObject;
}

/** Key of the autoscaling/v1 HPA type: kubectl's fully qualified `resource.version.group` spelling. */
export const HPA_V1_KEY = 'horizontalpodautoscalers.v1.autoscaling';

const VIEWS = new Map<ResourceKey, ConvertedView>([
  ['events.events.k8s.io', { storeKey: 'events', fromStore: coreToEventsV1, toStore: eventsV1ToCore }],
  [HPA_V1_KEY, { storeKey: 'horizontalpodautoscalers.autoscaling', fromStore: hpaV2ToV1, toStore: hpaV1ToV2 }],
]);

/** The conversion for a served type, or undefined when it is served as stored. */
export function viewOf(rt: Pick<ResourceType, 'key'>): ConvertedView | undefined {
  return VIEWS.get(rt.key);
}
