/** The live registry of served resource types: built-ins plus whatever CRDs define. */
import type { ResourceKey, ResourceRegistry, ResourceType } from '../types';
import { builtinResources } from './builtins';

export class Registry implements ResourceRegistry {
  private byKey = new Map<ResourceKey, ResourceType>();
  private order: ResourceType[] = [];
  /** Bumped on every change so discovery/OpenAPI caches know to rebuild. */
  generation = 0;

  constructor() {
    for (const rt of builtinResources()) this.add(rt);
  }

  add(rt: ResourceType): void {
    if (this.byKey.has(rt.key)) this.remove(rt.key);
    this.byKey.set(rt.key, rt);
    this.order.push(rt);
    this.generation++;
  }

  remove(key: ResourceKey): void {
    if (!this.byKey.delete(key)) return;
    this.order = this.order.filter((r) => r.key !== key);
    this.generation++;
  }

  get(key: ResourceKey): ResourceType | undefined {
    return this.byKey.get(key);
  }

  /**
   * By group + plural: the preferred (first registered) version, or with `version` the type
   * serving exactly that version (e.g. autoscaling/v1 HPAs beside the preferred v2).
   */
  byPlural(group: string, plural: string, version?: string): ResourceType | undefined {
    const preferred = this.byKey.get(group ? `${plural}.${group}` : plural);
    if (!version || preferred?.version === version) return preferred;
    return this.order.find((r) => r.group === group && r.plural === plural && r.version === version);
  }

  byKind(apiVersion: string, kind: string): ResourceType | undefined {
    const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    // Any served version of the group: objects and ownerReferences may name an older one.
    return this.order.find((r) => r.group === group && r.kind === kind && !r.virtual) ?? this.order.find((r) => r.group === group && r.kind === kind);
  }

  all(): ResourceType[] {
    return [...this.order];
  }

  /** Served group versions, core first, in registration order: [{group, version}]. */
  groupVersions(): { group: string; version: string }[] {
    const seen = new Set<string>();
    const out: { group: string; version: string }[] = [];
    for (const r of this.order) {
      const k = `${r.group}/${r.version}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push({ group: r.group, version: r.version });
      }
    }
    return out;
  }
}
