/**
 * The Pilothouse contract: every channel between the renderer and the main-process core.
 * Handlers in main are declared against this object (HandlersFor<typeof contract>).
 */
import type { KubeObject, ResourceRef } from '../kube/object';
import type { StateCounts } from '../watch/stateTally';
import type { WatchEvent } from '../watch/types';
import { defineCall, defineStream } from './descriptor';
import type { ContractErrorData, DisplayMessage } from './errors';

export type AuthKind = 'token' | 'token-file' | 'client-cert' | 'exec' | 'oidc' | 'basic' | 'none';

export interface ContextInfo {
  name: string;
  cluster: string;
  user: string;
  /** Default namespace of the context, if set. */
  namespace?: string;
  /** The kubeconfig file this context was read from. */
  sourceFile: string;
  /** API server URL (no credentials). */
  server: string;
  authKind: AuthKind;
  /** For exec plugins: the command line the user is asked to trust. */
  execCommand?: string;
  /** For exec plugins: whether the user has trusted that exact command. */
  execTrusted?: boolean;
  /** The kubeconfig's current-context. */
  current: boolean;
  /** The built-in demo cluster (simulator). */
  demo?: boolean;
}

export interface KubeconfigProblem {
  file: string;
  /** English, for logs; people see `display` (and `detail`). */
  message: string;
  /** The problem as a message id with parameters (see MESSAGE_CODES). */
  display?: DisplayMessage;
  /** Text that is not ours (a YAML parser's or the system's error), shown verbatim. */
  detail?: string;
}

export interface ContextsSnapshot {
  contexts: ContextInfo[];
  /** Files that could not be read or parsed; their contexts are missing from the list. */
  problems: KubeconfigProblem[];
}

export type ClusterState = 'disconnected' | 'connecting' | 'connected' | 'failed';

export interface ClusterHealth {
  context: string;
  state: ClusterState;
  /** Server version string (gitVersion) once connected. */
  version?: string;
  error?: ContractErrorData;
  streams: { total: number; live: number; reconnecting: number; failed: number; connecting: number };
  /** ISO time since when some data of this cluster may be stale. */
  staleSince?: string;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** One API resource found by discovery (built-in or custom). */
export interface ApiResourceInfo extends ResourceRef {
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  /** Set for resources defined by a CustomResourceDefinition. */
  custom?: boolean;
  printerColumns?: PrinterColumn[];
}

export interface WatchParams {
  context: string;
  ref: ResourceRef;
  /** Omit for all namespaces (or for cluster-scoped resources). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface ObjectAddress {
  context: string;
  ref: ResourceRef;
  namespace?: string;
  name: string;
}

/** One key of one Secret: what `revealSecret` fetches (and nothing more). */
export interface SecretKeyAddress {
  context: string;
  namespace: string;
  name: string;
  key: string;
}

/** A revealed Secret value. Objects from watchObjects/getObject carry only redaction markers. */
export interface RevealedSecretValue {
  /** The decoded value as UTF-8 text, or (when its bytes are not valid UTF-8) as base64. */
  value: string;
  encoding: 'utf-8' | 'base64';
  /** Length of the decoded value in bytes. */
  bytes: number;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'web';
  platform: string;
}

export interface Settings {
  /** BCP 47 tag chosen by the user, or undefined to follow the system. */
  language?: string;
  /** Contexts the user had open, reopened at start. */
  openContexts?: string[];
}

export const contract = {
  appInfo: defineCall<void, AppInfo>('app.info'),
  getSettings: defineCall<void, Settings>('settings.get'),
  updateSettings: defineCall<Partial<Settings>, Settings>('settings.update'),

  /** Contexts from every kubeconfig file; re-emitted when a file changes on disk. */
  watchContexts: defineStream<void, ContextsSnapshot>('contexts.watch'),
  /** Trusts the exec credential plugin of a context (exactly its current command line). */
  trustExecPlugin: defineCall<{ context: string; command: string }, void>('contexts.trustExec'),
  connectCluster: defineCall<{ context: string }, ClusterHealth>('cluster.connect'),
  disconnectCluster: defineCall<{ context: string }, void>('cluster.disconnect'),
  /** Health of every connected cluster; emits the full list on each change. */
  watchClusterHealth: defineStream<void, ClusterHealth[]>('cluster.health'),

  /** Every resource the cluster serves, built-in and custom, from discovery. */
  discoverResources: defineCall<{ context: string }, ApiResourceInfo[]>('resources.discover'),
  /** A shared list+watch: the listing in pages, synced, then coalesced batches, with status events. */
  watchObjects: defineStream<WatchParams, WatchEvent>('objects.watch'),
  /**
   * Counts by state (pods, nodes) of the same shared list+watch, computed in main: the
   * Overview needs a few numbers, not every pod of the cluster in the renderer.
   */
  watchStateCounts: defineStream<WatchParams, StateCounts>('objects.stateCounts'),
  getObject: defineCall<ObjectAddress, KubeObject>('objects.get'),
  /** One Secret value, read from the cluster with the context's credentials when the user asks. */
  revealSecret: defineCall<SecretKeyAddress, RevealedSecretValue>('secrets.reveal'),
} as const;

export type PilothouseContract = typeof contract;
export type { StateCounts };
