import type { ResourceKey, Store, StoredObject } from '../types';
import { MemoryStore, type SerializedObject } from './memoryStore';

export { MemoryStore, serializeObject, type MemoryStoreOptions, type SerializedObject } from './memoryStore';

/**
 * Inserts a pre-serialized object (see {@link MemoryStore.createSerialized}); a store without
 * that fast path gets an ordinary create of the parsed object.
 */
export function createSerialized(store: Store, resource: ResourceKey, build: (resourceVersion: string) => SerializedObject): StoredObject {
  if (store instanceof MemoryStore) return store.createSerialized(resource, build);
  return store.create(resource, JSON.parse(build('').json));
}
export { parseLabelSelector, matchLabels, labelSelectorFromObject, parseFieldSelector, matchFields } from './selectors';
export type { LabelSelector, LabelRequirement, FieldSelector } from './selectors';
export { extractFields, allowedFields } from './fields';
