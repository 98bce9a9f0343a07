/**
 * The contract between the simulator core (store, API server) and its plug-ins:
 * controllers (`sim/controllers`), streams (`sim/streams`) and scenarios (`sim/scenarios`).
 *
 * Everything a plug-in needs is reachable from {@link SimContext}. Plug-ins should write through
 * {@link SimContext.api} (same defaulting, validation, generation bumping, graceful deletion and
 * events as an HTTP client gets) and read/watch through {@link SimContext.store} (cheap, no copies).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** Any Kubernetes object as plain JSON. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [key: string]: unknown;
}

/**
 * Identifies a resource type the way `kubectl` spells it: the plural for the core group
 * (`"pods"`), `plural.group` otherwise (`"deployments.apps"`, `"events.events.k8s.io"`,
 * `"widgets.example.com"` for a CRD).
 */
export type ResourceKey = string;

/** One served resource type (built-in or defined by a CRD). */
export interface ResourceType {
  /** `plural` or `plural.group`; see {@link ResourceKey}. */
  key: ResourceKey;
  /** API group; `""` for core. */
  group: string;
  /** Served (and storage) version, e.g. `"v1"`. */
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Verbs for discovery, e.g. get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: string[];
  /** Subresource names served, e.g. `status`, `scale`, `log`, `exec`, `eviction`, `proxy`. */
  subresources: string[];
  /** True for resources defined by a CustomResourceDefinition. */
  custom?: boolean;
  /** For CRDs: additionalPrinterColumns of the served version. */
  printerColumns?: PrinterColumn[];
  /** For read-only virtual resources (metrics.k8s.io, reviews) that are not kept in the store. */
  virtual?: boolean;
}

export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  description?: string;
  priority?: number;
  format?: string;
}

/** `apiVersion` string for a resource type: `v1` or `group/version`. */
export function apiVersionOf(rt: Pick<ResourceType, 'group' | 'version'>): string {
  return rt.group ? `${rt.group}/${rt.version}` : rt.version;
}

/** The registry of served resource types. Lookups are by key, by kind, or by plural/short name. */
export interface ResourceRegistry {
  /** By key (`pods`, `deployments.apps`); undefined if not served. */
  get(key: ResourceKey): ResourceType | undefined;
  /** By group + plural (the preferred version), or the type serving exactly `version`. */
  byPlural(group: string, plural: string, version?: string): ResourceType | undefined;
  /** By apiVersion + kind (as found in an object or an ownerReference). */
  byKind(apiVersion: string, kind: string): ResourceType | undefined;
  /** Every served type, built-in then custom. */
  all(): ResourceType[];
}

// ---------------------------------------------------------------------------------------------
// Store

/** The parsed index kept beside each object's JSON (no need to parse the JSON to filter). */
export interface ObjectIndex {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** Field-selector values, e.g. `status.phase`, `spec.nodeName`, `involvedObject.name`. */
  fields: Record<string, string>;
}

/**
 * One object as stored: its serialized JSON (the source of truth) plus an index.
 * `json` already carries the current `metadata.resourceVersion`.
 */
export interface StoredObject extends ObjectIndex {
  /** Internal revision of the last write (encode with {@link Store.encodeRv} for clients). */
  rev: number;
  json: string;
  /** A fresh parsed copy of `json`; callers may mutate it. */
  parse(): KubeObject;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** A change in the store, delivered to in-process watchers and kept in the bounded history. */
export interface StoreEvent {
  type: WatchEventType;
  resource: ResourceKey;
  rev: number;
  /** The object after the change (for DELETED: the last state, with the deletion revision). */
  object: StoredObject;
  /** The previous state (MODIFIED), used to tell selector enter/leave. */
  prev?: StoredObject;
}

export interface StoreListOptions {
  /** Only this namespace (`""`/undefined = all). */
  namespace?: string;
  /** Kubernetes label selector text, e.g. `app=web,tier in (a,b),!legacy`. */
  labelSelector?: string;
  /** Kubernetes field selector text, e.g. `status.phase=Running,spec.nodeName!=n1`. */
  fieldSelector?: string;
}

export interface StoreWatchOptions extends StoreListOptions {
  /**
   * Deliver history events after this internal revision first (resume). Omitted = only new events.
   * Throws {@link ApiError} 410 Expired if the revision is older than the kept history.
   */
  afterRev?: number;
}

/** Listener for in-process watches. Called synchronously after each committed write. */
export type StoreListener = (event: StoreEvent) => void;

/**
 * The in-memory object store. All resource types share one global revision counter.
 * Low-level: it does no defaulting or validation (use {@link SimContext.api} for that), but it
 * does enforce existence/uniqueness and optimistic concurrency.
 */
export interface Store {
  /** Current global revision (internal number; never hand it to clients unencoded). */
  revision(): number;
  /** Opaque client-facing resourceVersion for an internal revision. */
  encodeRv(rev: number): string;
  /** Internal revision for a client resourceVersion; throws ApiError 400 if malformed, 410 if from another run. */
  decodeRv(rv: string): number;
  get(resource: ResourceKey, namespace: string, name: string): StoredObject | undefined;
  /** Objects in key order (namespace/name), filtered. Cheap: no JSON parsing. */
  list(resource: ResourceKey, options?: StoreListOptions): StoredObject[];
  /**
   * One page of {@link list}: objects whose key (`namespace/name`, or `/name` when cluster-scoped)
   * sorts after `after`, at most `limit` of them. `more` tells whether matching objects remain;
   * `remaining` counts them when no selector was given.
   */
  listPage(
    resource: ResourceKey,
    options: StoreListOptions & { after?: string; limit?: number },
  ): { items: StoredObject[]; lastKey?: string; more: boolean; remaining?: number };
  /** Number of objects of a type (all namespaces). */
  count(resource: ResourceKey): number;
  /**
   * Insert a new object. Sets metadata.resourceVersion. The object must carry namespace (for
   * namespaced types), name and uid. Throws ApiError 409 AlreadyExists.
   */
  create(resource: ResourceKey, object: KubeObject): StoredObject;
  /**
   * Replace an existing object. If `expectedRev` is given and differs → ApiError 409 Conflict.
   * Throws 404 NotFound if absent.
   */
  update(resource: ResourceKey, object: KubeObject, expectedRev?: number): StoredObject;
  /** Remove an object now; returns the removed state or undefined. */
  delete(resource: ResourceKey, namespace: string, name: string): StoredObject | undefined;
  /** Subscribe to changes (optionally resuming from history). Returns an unsubscribe function. */
  watch(resource: ResourceKey, options: StoreWatchOptions, listener: StoreListener): () => void;
  /** Forget all kept history up to now: any resume from an earlier revision gets 410 Expired. */
  compact(): void;
  /** The oldest revision one can still resume from for a type (inclusive lower bound). */
  oldestResumableRev(resource: ResourceKey): number;
}

// ---------------------------------------------------------------------------------------------
// Errors

/** A Kubernetes `Status` failure. Thrown by the store and the object API; rendered as-is over HTTP. */
export class ApiError extends Error {
  constructor(
    public readonly code: number,
    public readonly reason: string,
    message: string,
    public readonly details?: Record<string, unknown>,
    /** Extra response headers, e.g. Retry-After. */
    public readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The `metav1.Status` body a real kube-apiserver would send. */
  toStatus(): Record<string, unknown> {
    const status: Record<string, unknown> = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
    };
    if (this.details) status.details = this.details;
    status.code = this.code;
    return status;
  }
}

// ---------------------------------------------------------------------------------------------
// Object API (the semantics of the HTTP verbs, in-process)

export interface WriteOptions {
  /** `All` = validate and default but do not persist. */
  dryRun?: boolean;
  fieldManager?: string;
}

export interface DeleteOptions extends WriteOptions {
  /** 0 = immediately (a kubelet confirming termination uses this). */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type PatchType = 'json' | 'merge' | 'strategic';

/**
 * CRUD with the full server semantics (defaulting, validation → 422, generation, uid,
 * timestamps, optimistic concurrency → 409, finalizers, graceful pod deletion). All methods
 * throw {@link ApiError}. Returned objects are fresh copies.
 *
 * Deletion semantics plug-ins must complete:
 * - Pods bound to a node (spec.nodeName) and not yet Succeeded/Failed get a
 *   `metadata.deletionTimestamp` (+ deletionGracePeriodSeconds) instead of disappearing;
 *   the kubelet simulation must finish with `delete(..., { gracePeriodSeconds: 0 })`.
 * - `propagationPolicy: Foreground` adds finalizer `foregroundDeletion`, `Orphan` adds `orphan`
 *   (plus deletionTimestamp); the garbage collector removes the finalizer (by `update`) when done,
 *   and the object disappears once its finalizers are empty.
 * - Namespaces go `Terminating` (status.phase) with spec.finalizers `["kubernetes"]`; the namespace
 *   controller deletes the contents and then calls {@link ObjectApi.finalizeNamespace}.
 * - Creating an object in a Terminating namespace → 403 Forbidden; in a missing one → 404.
 */
export interface ObjectApi {
  get(resource: ResourceKey, namespace: string, name: string): KubeObject | undefined;
  list(resource: ResourceKey, options?: StoreListOptions): KubeObject[];
  create(resource: ResourceKey, object: KubeObject, options?: WriteOptions): KubeObject;
  /** Full replace; a `metadata.resourceVersion` in `object` is checked (stale → 409). */
  update(resource: ResourceKey, object: KubeObject, options?: WriteOptions & { subresource?: 'status' }): KubeObject;
  patch(
    resource: ResourceKey,
    namespace: string,
    name: string,
    type: PatchType,
    patch: unknown,
    options?: WriteOptions & { subresource?: 'status' | 'scale' },
  ): KubeObject;
  /** Returns the deleted object, or the object as it is now if deletion was deferred. */
  delete(resource: ResourceKey, namespace: string, name: string, options?: DeleteOptions): KubeObject;
  /** Remove the `kubernetes` namespace finalizer; deletes the namespace if nothing else holds it. */
  finalizeNamespace(name: string): void;
}

// ---------------------------------------------------------------------------------------------
// Events

export interface EventInput {
  /** The object the event is about (an object with apiVersion/kind/metadata, or a reference). */
  involvedObject: KubeObject | { apiVersion?: string; kind: string; name: string; namespace?: string; uid?: string; fieldPath?: string };
  type?: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** Reporting component, e.g. `kubelet`, `default-scheduler`, `deployment-controller`. */
  component?: string;
  /** Node name for kubelet events. */
  host?: string;
  /** e.g. `spec.containers{web}` */
  fieldPath?: string;
}

// ---------------------------------------------------------------------------------------------
// Authentication

export interface SimUser {
  /** `admin` or `viewer` (also the user name in 403 messages). */
  name: string;
  groups: string[];
}

// ---------------------------------------------------------------------------------------------
// Routes for plug-in handlers (streams)

export interface SubresourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  query: URLSearchParams;
  user: SimUser;
  resource: ResourceType;
  namespace: string;
  /**
   * Object name as written in the URL. For service proxy it may be `[scheme:]name[:port]`
   * (parse it yourself); the object is NOT looked up for you (check existence yourself).
   */
  name: string;
  subresource: string;
  /** For `proxy`: the remaining path after `/proxy` (starts with `/` or is empty). */
  rest: string;
}

export interface UpgradeRequest {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  query: URLSearchParams;
  user: SimUser;
  resource: ResourceType;
  namespace: string;
  name: string;
  subresource: string;
}

export type SubresourceHandler = (request: SubresourceRequest) => void | Promise<void>;
export type UpgradeHandler = (request: UpgradeRequest) => void | Promise<void>;
export type RawHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/**
 * Where plug-ins attach HTTP handlers. Authentication and authorization (verb `get` for GET,
 * `create` for POST/upgrades, on `resource/subresource`) are done before a handler runs;
 * thrown {@link ApiError}s become Status responses.
 *
 * Registered by the core (handlers may be replaced): `pods/log`, `pods/exec`, `pods/attach`,
 * `pods/portforward`, `services/proxy`, `pods/proxy`, `nodes/proxy`. Until a handler is set they
 * answer 404 NotFound (like a server without that feature).
 */
export interface RouteTable {
  /** Plain HTTP handler for `/.../namespaces/{ns}/{resource}/{name}/{subresource}[/rest]`. */
  subresource(resource: ResourceKey, subresource: string, handler: SubresourceHandler): void;
  /** Upgrade (WebSocket or SPDY) handler for the same paths, e.g. pods/exec, pods/portforward. */
  upgrade(resource: ResourceKey, subresource: string, handler: UpgradeHandler): void;
  /**
   * Any other path by prefix, e.g. `/metrics`. With `auth: false` no token is needed
   * (default true; any valid token passes, no RBAC check).
   */
  raw(pathPrefix: string, handler: RawHandler, options?: { auth?: boolean }): void;
}

// ---------------------------------------------------------------------------------------------
// Metrics

/**
 * Supplies metrics.k8s.io objects. The core serves them (list/get, selectors, Table) at
 * `/apis/metrics.k8s.io/v1beta1/{nodes,pods}`; without a provider the lists are empty.
 */
export interface MetricsProvider {
  /** Full `NodeMetrics` objects (apiVersion, kind, metadata{name,labels,creationTimestamp}, timestamp, window, usage). */
  nodeMetrics(): KubeObject[];
  /** Full `PodMetrics` objects (… containers[{name, usage}]); only this namespace if given. */
  podMetrics(namespace?: string): KubeObject[];
}

// ---------------------------------------------------------------------------------------------
// Chaos knobs

/** Fault injection at the HTTP layer; mutate {@link SimContext.chaos} at run time. */
export interface ChaosKnobs {
  /** Added delay before every response (ms). */
  latencyMs: number;
  /** Fraction 0..1 of non-watch requests answered 429 TooManyRequests with Retry-After. */
  rate429: number;
  /** Seconds put in Retry-After for injected 429s. */
  retryAfterSeconds: number;
  /** Fraction 0..1 of requests answered 500/503. */
  rate5xx: number;
  /** Close every open watch every K seconds (0 = never). */
  dropWatchesEverySeconds: number;
  /** Fraction 0..1 of watch event lines sent malformed (invalid JSON). */
  malformedWatchRate: number;
  /** Fraction 0..1 of watch event lines cut short then the connection closed. */
  truncatedWatchRate: number;
  /** Compact the watch history every K seconds, so resuming from before it gets 410 (0/unset = never). */
  compactEverySeconds?: number;
  /** Stall the open watches (kept open, nothing more written) every K seconds (0/unset = never). */
  stallWatchesEverySeconds?: number;
}

// ---------------------------------------------------------------------------------------------
// Options and context

export interface SimOptions {
  scenario: string;
  port: number;
  host: string;
  /** Where kubeconfig and data go; default a fresh temp dir. */
  dataDir?: string;
  /** Watch history kept per resource type (events); older resumes get 410. Default 10000. */
  historySize?: number;
  /** Fixed tokens (tests); default random. */
  tokens?: { admin?: string; viewer?: string };
  /** Namespace the viewer may read. Default `shop`. */
  viewerNamespace?: string;
  /** Seconds between BOOKMARK events on watches asking for them. Default 60 (real: ~60). */
  bookmarkIntervalSeconds?: number;
  /** Continue token lifetime in seconds. Default 300. */
  continueTtlSeconds?: number;
  /** Chaos knobs (initial values). */
  chaos?: Partial<ChaosKnobs>;
  /** Scenario/controllers knobs (e.g. pods, nodes, eventsPerSecond) pass through untouched. */
  [knob: string]: unknown;
}

/** Everything plug-ins get. Built by `startSim` before controllers/streams/scenario run. */
export interface SimContext {
  options: SimOptions;
  store: Store;
  resources: ResourceRegistry;
  /** Semantic CRUD, see {@link ObjectApi}. */
  api: ObjectApi;
  routes: RouteTable;
  /** Wall clock in ms (Date.now by default); use it for timestamps so tests can steer time. */
  now(): number;
  /** RFC3339 (seconds) of {@link now}, as Kubernetes writes timestamps. */
  timestamp(): string;
  /** Create (or aggregate: count+1, lastTimestamp) a core/v1 Event. Never throws. */
  recordEvent(input: EventInput): void;
  /** Install the source of metrics.k8s.io data. */
  setMetricsProvider(provider: MetricsProvider): void;
  chaos: ChaosKnobs;
  /** Close every open watch connection now (clients must reconnect). */
  dropWatches(): void;
  /** Drop watch history now: resumes from earlier revisions get 410 Expired. */
  compact(): void;
  /** Stop writing to open watches without closing them (half-open); `false` resumes. */
  stallWatches(stalled?: boolean): void;
  /** Register a cleanup to run on stop (timers, sockets). */
  onStop(cleanup: () => void): void;
  /** The server's base URL once listening (https://127.0.0.1:PORT). */
  url: string;
}
