/**
 * The contract's handlers: thin adapters from validated requests to the core's services.
 * Every request is checked first (validate.ts): the renderer is not trusted.
 */
import { ContractError, displayError } from '../../app/contract/errors';
import type { HandlersFor } from '../../app/contract/descriptor';
import type { PilothouseContract, WatchParams } from '../../app/contract/pilothouse';
import { StateTally, stateOfResource } from '../../app/watch/stateTally';
import type { WatchEvent } from '../../app/watch/types';
import type { KubeObject } from '../../app/kube/object';
import { execCommandLine } from './auth/execCommandLine';
import type { ExecTrustStore } from './auth/execTrustStore';
import type { ClusterManager } from './cluster/clusterManager';
import { collectionPath, normalizeObject } from './informer/normalize';
import { pacedEmitter } from './informer/pacedEvents';
import type { ContextService } from './kubeconfig/contextService';
import { revealSecretValue, secretKeyAddress } from './secrets/revealSecret';
import type { SettingsStore } from './settings';
import * as validate from './validate';

export interface HandlerDeps {
  ready: Promise<void>;
  contexts: ContextService;
  clusters: ClusterManager;
  trust: ExecTrustStore;
  settings: SettingsStore;
  appInfo: { version: string; mode: 'electron' | 'web' };
}

export function createHandlers(deps: HandlerDeps): HandlersFor<PilothouseContract> {
  const { contexts, clusters, trust, settings } = deps;
  const knownContext = (name: string) => {
    if (!contexts.get(name)) throw displayError('not-found', { code: 'context-unknown', params: { context: name } }, `No context named "${name}" in the kubeconfig`);
    return name;
  };
  /**
   * Follows the shared informer for `p` until the caller goes away (resolves) or the cluster
   * is disconnected or its context removed (rejects, ending the stream with that error).
   */
  const followInformer = async (p: WatchParams, listener: (event: WatchEvent) => void, signal: AbortSignal) => {
    knownContext(p.context);
    if (signal.aborted) return;
    clusters.open(p.context);
    await new Promise<void>((resolve, reject) => {
      const release = clusters.informers.subscribe(
        p.context,
        { ref: p.ref, namespace: p.namespace, labelSelector: p.labelSelector, fieldSelector: p.fieldSelector },
        listener,
        (error) => {
          release();
          reject(new ContractError(error));
        },
      );
      signal.addEventListener(
        'abort',
        () => {
          release();
          resolve();
        },
        { once: true },
      );
    });
  };

  return {
    appInfo: async () => ({ version: deps.appInfo.version, mode: deps.appInfo.mode, platform: process.platform }),

    getSettings: async () => {
      await deps.ready;
      return settings.get();
    },
    updateSettings: async (patch) => {
      await deps.ready;
      return settings.update(patch);
    },

    watchContexts: async (_params, emit, ctx) => {
      await deps.ready;
      if (ctx.signal.aborted) return;
      emit(contexts.snapshot());
      return contexts.onSnapshot(emit);
    },

    trustExecPlugin: async (req) => {
      await deps.ready;
      const { context, command } = validate.trustRequest(req);
      const rc = contexts.get(knownContext(context));
      const exec = rc?.user?.exec;
      if (!exec) throw displayError('bad-request', { code: 'not-exec-context', params: { context } }, `Context "${context}" does not use an exec credential plugin`);
      const current = execCommandLine(exec);
      if (command !== current) {
        // The kubeconfig changed since the user saw the prompt: trust only what they saw and what runs.
        throw displayError('conflict', { code: 'exec-command-changed', params: { context, command: current } }, `The exec command of context "${context}" is now: ${current}`, { details: { command: current } });
      }
      await trust.trust(context, command);
      contexts.emit();
      clusters.trusted(context);
    },

    connectCluster: async (req) => {
      await deps.ready;
      const { context } = validate.contextRequest(req);
      return clusters.connect(knownContext(context));
    },
    disconnectCluster: async (req) => {
      await deps.ready;
      const { context } = validate.contextRequest(req);
      if (!clusters.isConnected(context)) knownContext(context);
      clusters.disconnect(context);
    },
    watchClusterHealth: async (_params, emit, ctx) => {
      await deps.ready;
      if (ctx.signal.aborted) return;
      emit(clusters.health());
      return clusters.onHealth(emit);
    },

    discoverResources: async (req, ctx) => {
      await deps.ready;
      const { context } = validate.contextRequest(req);
      return clusters.discover(knownContext(context), ctx.signal);
    },

    watchObjects: async (params, emit, ctx) => {
      await deps.ready;
      const p = validate.watchParams(params);
      await followInformer(p, pacedEmitter(emit, ctx.drained, ctx.signal), ctx.signal);
    },

    watchStateCounts: async (params, emit, ctx) => {
      await deps.ready;
      const p = validate.watchParams(params);
      const stateOf = stateOfResource(p.ref);
      if (!stateOf) throw new ContractError({ code: 'bad-request', message: `No state counts for ${p.ref.resource}`, display: { code: 'bad-request' } });
      const tally = new StateTally(stateOf);
      // The latest counts only: while the caller has not caught up, newer counts replace older.
      let sending = false;
      const send = async () => {
        if (sending) return;
        sending = true;
        await ctx.drained();
        sending = false;
        emit(tally.current());
      };
      await followInformer(p, (event) => {
        tally.apply(event);
        void send();
      }, ctx.signal);
    },

    getObject: async (req, ctx) => {
      await deps.ready;
      const a = validate.objectAddress(req);
      const get = clusters.requestFor(knownContext(a.context));
      const obj = await get<KubeObject>({ path: `${collectionPath(a.ref, a.namespace)}/${encodeURIComponent(a.name)}`, signal: ctx.signal });
      return normalizeObject(obj, a.ref);
    },

    revealSecret: async (req, ctx) => {
      await deps.ready;
      const a = secretKeyAddress(req);
      return revealSecretValue(clusters.requestFor(knownContext(a.context)), a, ctx.signal);
    },
  };
}
