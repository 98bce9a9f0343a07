/**
 * The main-process core: kubeconfig, cluster connections and auth, shared informers, and the
 * contract handlers. Transports (Electron IPC, web-mode WebSocket) serve `handlers`.
 */
import type { HandlersFor } from '../../app/contract/descriptor';
import type { PilothouseContract } from '../../app/contract/pilothouse';
import { ExecTrustStore } from './auth/execTrustStore';
import { ClusterManager } from './cluster/clusterManager';
import { createHandlers } from './handlers';
import type { InformerOptions } from './informer/informer';
import { ContextService } from './kubeconfig/contextService';
import { defaultKubeconfigPaths, type KubeconfigSource } from './kubeconfig/mergeKubeconfigs';
import { SettingsStore } from './settings';

export interface CoreOptions {
  /** Default: $KUBECONFIG split by the path delimiter, else ~/.kube/config. */
  kubeconfigPaths?: string[];
  /** Extra files merged after the user's (e.g. the demo simulator's kubeconfig). */
  extraKubeconfigs?: { path: string; demo?: boolean }[];
  settingsPath: string;
  trustStorePath: string;
  mode: 'electron' | 'web';
  version: string;
  /** Where diagnostics go (default console.warn with a prefix). */
  log?: (message: string) => void;
  /** Knobs for tests and benchmarks. */
  tuning?: {
    informer?: InformerOptions;
    /** How long an informer outlives its last subscriber (default 30 s). */
    lingerMs?: number;
    /** Watch kubeconfig files for changes (default true). */
    watchKubeconfig?: boolean;
    kubeconfigDebounceMs?: number;
    kubeconfigPollMs?: number;
    /** Connect the kubeconfig's current context and the previously open ones at start (default true). */
    connectAtStart?: boolean;
  };
}

export interface Core {
  handlers: HandlersFor<PilothouseContract>;
  /** Resolves once kubeconfig, settings and trust store are loaded (handlers wait for it anyway). */
  ready: Promise<void>;
  dispose(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const log = options.log ?? ((m: string) => console.warn(`[pilothouse core] ${m}`));
  const sources: KubeconfigSource[] = [
    ...(options.kubeconfigPaths ?? defaultKubeconfigPaths()).map((p) => ({ path: p })),
    ...(options.extraKubeconfigs ?? []).map((e) => ({ path: e.path, demo: e.demo === true })),
  ];
  const trust = new ExecTrustStore(options.trustStorePath, log);
  const settings = new SettingsStore(options.settingsPath, log);
  const contexts = new ContextService(sources, trust, log);
  let persistOpen = false;
  const clusters = new ClusterManager(contexts, trust, {
    log,
    informers: { lingerMs: options.tuning?.lingerMs, informer: { log, ...options.tuning?.informer } },
    onOpenContextsChanged: (open) => {
      if (persistOpen) settings.update({ openContexts: open }).catch((err) => log(`cannot save settings: ${(err as Error).message}`));
    },
  });

  const ready = (async () => {
    await Promise.all([trust.load(), settings.load()]);
    await contexts.start({
      watch: options.tuning?.watchKubeconfig !== false,
      debounceMs: options.tuning?.kubeconfigDebounceMs,
      pollMs: options.tuning?.kubeconfigPollMs,
    });
    if (options.tuning?.connectAtStart !== false) {
      // Like kubectl, the current context is used without asking; contexts open last time reopen.
      const toOpen = new Set<string>();
      const current = contexts.currentContext();
      if (current) toOpen.add(current);
      for (const c of settings.get().openContexts ?? []) if (contexts.get(c)) toOpen.add(c);
      for (const c of toOpen) clusters.open(c);
    }
    persistOpen = true;
  })();
  ready.catch((err) => log(`core failed to start: ${(err as Error).message}`));

  const handlers = createHandlers({ ready, contexts, clusters, trust, settings, appInfo: { version: options.version, mode: options.mode } });
  return {
    handlers,
    ready,
    async dispose() {
      await ready.catch(() => undefined);
      clusters.dispose();
      contexts.dispose();
    },
  };
}
