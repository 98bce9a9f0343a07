/**
 * Shares informers: one per (context, group/version/resource, namespace, labelSelector,
 * fieldSelector), reference-counted by subscribers, kept alive for a while (default 30 s) after
 * the last one leaves so that a remount (navigating back, React strict mode) does not relist.
 */
import type { ContractErrorData } from '../../../app/contract/errors';
import type { StreamStatus } from '../../../app/watch/types';
import { Informer, type InformerListener, type InformerOptions, type InformerTarget, type ListWatchClient } from './informer';

export interface InformerRegistryOptions {
  lingerMs?: number;
  informer?: InformerOptions;
  /** Called when any informer of a context changes status or is created/removed. */
  onChange?: (context: string) => void;
}

interface Entry {
  key: string;
  context: string;
  informer: Informer;
  refs: number;
  lingerTimer?: NodeJS.Timeout;
  enders: Set<(error: ContractErrorData) => void>;
  offStatus: () => void;
}

export class InformerRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly lingerMs: number;

  constructor(
    private readonly clientFor: (context: string) => ListWatchClient,
    private readonly options: InformerRegistryOptions = {},
  ) {
    this.lingerMs = options.lingerMs ?? 30_000;
  }

  static key(context: string, t: InformerTarget): string {
    return JSON.stringify([context, t.ref.group, t.ref.version, t.ref.resource, t.namespace ?? '', t.labelSelector ?? '', t.fieldSelector ?? '']);
  }

  /**
   * Subscribes to the shared informer for this target, creating it if needed. `onEnd` is called
   * if the informer is torn down under the subscriber (cluster disconnected, context removed).
   */
  subscribe(context: string, target: InformerTarget, listener: InformerListener, onEnd?: (error: ContractErrorData) => void): () => void {
    const key = InformerRegistry.key(context, target);
    let entry = this.entries.get(key);
    if (!entry) {
      const informer = new Informer(target, this.clientFor(context), this.options.informer);
      entry = { key, context, informer, refs: 0, enders: new Set(), offStatus: informer.onStatus(() => this.options.onChange?.(context)) };
      this.entries.set(key, entry);
      informer.start();
      this.options.onChange?.(context);
    }
    const e = entry;
    if (e.lingerTimer) {
      clearTimeout(e.lingerTimer);
      e.lingerTimer = undefined;
    }
    e.refs++;
    const unsubscribe = e.informer.subscribe(listener);
    if (onEnd) e.enders.add(onEnd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      unsubscribe();
      if (onEnd) e.enders.delete(onEnd);
      e.refs--;
      if (e.refs === 0 && this.entries.get(key) === e) {
        e.lingerTimer = setTimeout(() => this.remove(e), this.lingerMs);
      }
    };
  }

  /** Status of every informer of a context (for cluster health). */
  statusesOf(context: string): StreamStatus[] {
    return [...this.entries.values()].filter((e) => e.context === context).map((e) => e.informer.currentStatus());
  }

  /** Number of informers alive (including lingering ones). */
  size(): number {
    return this.entries.size;
  }

  /** Relists every informer of a context (its configuration changed). */
  restartContext(context: string): void {
    for (const e of this.entries.values()) if (e.context === context) e.informer.restart();
  }

  /** Cuts short the backoff waits of a context's informers (e.g. after trusting its plugin). */
  retryContext(context: string): void {
    for (const e of this.entries.values()) if (e.context === context) e.informer.retryNow();
  }

  /** Stops every informer of a context and ends their subscribers' streams with `error`. */
  stopContext(context: string, error: ContractErrorData): void {
    for (const e of [...this.entries.values()]) {
      if (e.context !== context) continue;
      const enders = [...e.enders];
      this.remove(e);
      for (const end of enders) end(error);
    }
  }

  dispose(): void {
    for (const e of [...this.entries.values()]) this.remove(e);
  }

  private remove(e: Entry): void {
    if (this.entries.get(e.key) !== e) return;
    this.entries.delete(e.key);
    if (e.lingerTimer) clearTimeout(e.lingerTimer);
    e.offStatus();
    e.informer.stop();
    e.enders.clear();
    this.options.onChange?.(e.context);
  }
}
