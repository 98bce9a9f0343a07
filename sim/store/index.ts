export { MemoryStore, type MemoryStoreOptions } from './memoryStore';
export { parseLabelSelector, matchLabels, labelSelectorFromObject, parseFieldSelector, matchFields } from './selectors';
export type { LabelSelector, LabelRequirement, FieldSelector } from './selectors';
export { extractFields, allowedFields } from './fields';
