/**
 * The live set of contexts: loads the kubeconfig files, reloads them when they change on disk,
 * and tells listeners what changed. Turns resolved contexts into the credential-free
 * ContextInfo the renderer sees.
 */
import type { ContextInfo, ContextsSnapshot } from '../../../app/contract/pilothouse';
import { authKindOf } from '../auth/authKind';
import { execCommandLine } from '../auth/execCommandLine';
import type { ExecTrustStore } from '../auth/execTrustStore';
import { watchKubeconfigFiles } from './kubeconfigWatcher';
import { contextFingerprint, loadKubeconfigs, type KubeconfigSource, type MergedKubeconfig } from './mergeKubeconfigs';
import type { ResolvedContext } from './types';

export interface ContextChanges {
  /** Contexts whose cluster/user/context entries changed (connected ones must reconnect). */
  changed: string[];
  removed: string[];
}

export class ContextService {
  private merged: MergedKubeconfig = { contexts: [], problems: [] };
  private byName = new Map<string, ResolvedContext>();
  private fingerprints = new Map<string, string>();
  private readonly listeners = new Set<(snapshot: ContextsSnapshot) => void>();
  private readonly changeListeners = new Set<(changes: ContextChanges) => void>();
  private stopWatching?: () => void;
  private reloading: Promise<void> = Promise.resolve();

  constructor(
    private readonly sources: KubeconfigSource[],
    private readonly trust: ExecTrustStore,
    private readonly log: (message: string) => void = () => {},
  ) {}

  async start(options: { watch?: boolean; debounceMs?: number; pollMs?: number } = {}): Promise<void> {
    await this.reload();
    if (options.watch !== false) {
      this.stopWatching = watchKubeconfigFiles(
        this.sources.map((s) => s.path),
        () => void this.reload(),
        { debounceMs: options.debounceMs, pollMs: options.pollMs, log: this.log },
      );
    }
  }

  dispose(): void {
    this.stopWatching?.();
    this.listeners.clear();
    this.changeListeners.clear();
  }

  /** Reads every file again; serialized so overlapping change events apply in order. */
  reload(): Promise<void> {
    this.reloading = this.reloading.then(async () => {
      const merged = await loadKubeconfigs(this.sources);
      const before = this.fingerprints;
      const after = new Map(merged.contexts.map((c) => [c.name, contextFingerprint(c)]));
      const changed = [...after].filter(([n, f]) => before.has(n) && before.get(n) !== f).map(([n]) => n);
      const removed = [...before.keys()].filter((n) => !after.has(n));
      const problemsChanged = JSON.stringify(merged.problems) !== JSON.stringify(this.merged.problems);
      const currentChanged = merged.currentContext !== this.merged.currentContext;
      const added = [...after.keys()].some((n) => !before.has(n));
      this.merged = merged;
      this.byName = new Map(merged.contexts.map((c) => [c.name, c]));
      this.fingerprints = after;
      for (const p of merged.problems) this.log(`kubeconfig problem in ${p.file}: ${p.message}`);
      if (changed.length || removed.length) for (const l of this.changeListeners) l({ changed, removed });
      if (changed.length || removed.length || added || problemsChanged || currentChanged) this.emit();
    });
    return this.reloading;
  }

  get(name: string): ResolvedContext | undefined {
    return this.byName.get(name);
  }

  currentContext(): string | undefined {
    const name = this.merged.currentContext;
    return name && this.byName.has(name) ? name : undefined;
  }

  snapshot(): ContextsSnapshot {
    const current = this.currentContext();
    return {
      contexts: this.merged.contexts.map((rc) => this.toInfo(rc, rc.name === current)),
      problems: this.merged.problems.map((p) => ({ file: p.file, message: p.message, display: p.display, ...(p.detail !== undefined ? { detail: p.detail } : {}) })),
    };
  }

  /** Re-sends the snapshot (e.g. after an exec plugin was trusted). */
  emit(): void {
    const snap = this.snapshot();
    for (const l of this.listeners) l(snap);
  }

  onSnapshot(listener: (snapshot: ContextsSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onChanges(listener: (changes: ContextChanges) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private toInfo(rc: ResolvedContext, current: boolean): ContextInfo {
    const info: ContextInfo = {
      name: rc.name,
      cluster: rc.context.cluster,
      user: rc.context.user ?? '',
      sourceFile: rc.context.sourceFile,
      server: rc.cluster ? withoutUserInfo(rc.cluster.server) : '',
      authKind: authKindOf(rc.user),
      current,
    };
    if (rc.context.namespace) info.namespace = rc.context.namespace;
    if (rc.user?.exec) {
      info.execCommand = execCommandLine(rc.user.exec);
      info.execTrusted = this.trust.isTrusted(rc.name, info.execCommand);
    }
    if (rc.demo) info.demo = true;
    return info;
  }
}

/** A server URL may carry user:password; the renderer gets it without. */
function withoutUserInfo(server: string): string {
  try {
    const u = new URL(server);
    if (!u.username && !u.password) return server;
    u.username = '';
    u.password = '';
    return u.toString().replace(/\/$/, '');
  } catch {
    return '';
  }
}
