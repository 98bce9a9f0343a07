/**
 * Counts of a list's objects by state (pods by STATUS, nodes by Ready), kept up to date from
 * the list's watch events without keeping the list. Main runs it beside the shared informer so
 * the Overview gets a few numbers, not every pod of the cluster.
 */
import { nodeStatus } from '../kinds/clusterKinds';
import { podStatusReason } from '../kinds/podStatus';
import { objectKey, type KubeObject, type ResourceRef } from '../kube/object';
import type { StreamStatus, WatchEvent } from './types';

export interface StateCounts {
  /** [state, count], largest first (ties by name). */
  counts: Array<[string, number]>;
  total: number;
  /** The listing is whole: the counts are final, not a count so far. */
  synced: boolean;
  status?: StreamStatus;
}

const STATE_OF: Record<string, (obj: KubeObject) => string> = {
  '/pods': podStatusReason,
  '/nodes': nodeStatus,
};

/** The state function for a resource, or undefined if we do not count its states. */
export function stateOfResource(ref: Pick<ResourceRef, 'group' | 'resource'>): ((obj: KubeObject) => string) | undefined {
  return STATE_OF[`${ref.group}/${ref.resource}`];
}

export class StateTally {
  private readonly stateByKey = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  /** Keys held before a new listing began and not seen in it yet (dropped at synced). */
  private unseen?: Set<string>;
  private synced = false;
  private status?: StreamStatus;

  constructor(private readonly stateOf: (obj: KubeObject) => string) {}

  apply(event: WatchEvent): void {
    switch (event.type) {
      case 'page':
        if (event.first) {
          this.synced = false;
          this.unseen = new Set(this.stateByKey.keys());
        }
        for (const obj of event.items) {
          this.unseen?.delete(objectKey(obj));
          this.set(objectKey(obj), this.stateOf(obj));
        }
        return;
      case 'synced':
        for (const key of this.unseen ?? []) this.set(key, undefined);
        this.unseen = undefined;
        this.synced = true;
        return;
      case 'changes':
        for (const c of event.changes) this.set(objectKey(c.object), c.type === 'DELETED' ? undefined : this.stateOf(c.object));
        return;
      case 'status':
        this.status = event.status;
        return;
    }
  }

  current(): StateCounts {
    const counts = [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    return { counts, total: this.stateByKey.size, synced: this.synced, ...(this.status ? { status: this.status } : {}) };
  }

  private set(key: string, state: string | undefined): void {
    const before = this.stateByKey.get(key);
    if (before === state) return;
    if (before !== undefined) {
      const n = this.counts.get(before)! - 1;
      if (n === 0) this.counts.delete(before);
      else this.counts.set(before, n);
    }
    if (state === undefined) this.stateByKey.delete(key);
    else {
      this.stateByKey.set(key, state);
      this.counts.set(state, (this.counts.get(state) ?? 0) + 1);
    }
  }
}
