/**
 * The resource endpoints: /api/v1/... and /apis/{group}/{version}/... for every verb and
 * subresource, authorization included. Streams (log/exec/proxy/...) are delegated to the
 * handlers plug-ins register in the route table.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, apiVersionOf, type KubeObject, type MetricsProvider, type PatchType, type ResourceType, type SimUser, type StoredObject } from '../types';
import type { MemoryStore } from '../store';
import { matchLabels, parseLabelSelector } from '../store';
import type { Authorizer } from '../auth/authz';
import { accessReview, rulesReview, selfReview } from '../auth/reviews';
import type { Routes } from '../server/routes';
import { decodeBody, readBody, sendJson, successStatus } from '../server/respond';
import type { ObjectService } from './objects';
import type { Registry } from './registry';
import type { RequestInfo } from './requestInfo';
import { serveList, type OutputShape } from './list';
import { WatchHub } from './watch';
import { type IncludeObject, partialObjectMetadata, tableHead, tableRowJson } from './table';
import { viewOf } from './views';

export interface RestDeps {
  store: MemoryStore;
  registry: Registry;
  objects: ObjectService;
  authz: Authorizer;
  routes: Routes;
  watches: WatchHub;
  metrics: () => MetricsProvider | undefined;
  now(): number;
  continueTtlMs(): number;
}

const PATCH_TYPES: Record<string, PatchType> = {
  'application/json-patch+json': 'json',
  'application/merge-patch+json': 'merge',
  'application/strategic-merge-patch+json': 'strategic',
};

/** What the client asked for in Accept. */
export function negotiate(accept: string | undefined): OutputShape {
  const a = accept ?? '';
  if (!a || /application\/json|\*\/\*|application\/yaml/.test(a)) {
    // First acceptable entry wins, as content negotiation picks in order.
    for (const part of a.split(',')) {
      const p = part.trim();
      if (p.includes('as=Table')) return 'table';
      if (p.includes('as=PartialObjectMetadata')) return 'metadata';
      if (p.startsWith('application/json') || p.startsWith('*/*') || p.startsWith('application/yaml')) return 'object';
    }
    return 'object';
  }
  throw new ApiError(406, 'NotAcceptable', 'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf');
}

function queryFlag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}

function intParam(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?\d+$/.test(v)) throw new ApiError(400, 'BadRequest', `${name}: Invalid value: "${v}": must be an integer`);
  return Number(v);
}

function writeOptions(q: URLSearchParams): { dryRun: boolean; fieldManager?: string } {
  const dryRun = q.getAll('dryRun');
  for (const d of dryRun) if (d !== 'All') throw new ApiError(400, 'BadRequest', `dryRun: Unsupported value: "${d}": supported values: "All"`);
  const fv = q.get('fieldValidation');
  if (fv && !['Ignore', 'Warn', 'Strict'].includes(fv)) {
    throw new ApiError(400, 'BadRequest', `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Warn", "Strict"`);
  }
  return { dryRun: dryRun.length > 0, fieldManager: q.get('fieldManager') ?? undefined };
}

function verbOf(method: string, info: RequestInfo, watch: boolean): string {
  switch (method) {
    case 'GET':
    case 'HEAD':
      if (!info.name) return watch ? 'watch' : 'list';
      return watch ? 'watch' : 'get';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return info.name ? 'delete' : 'deletecollection';
    default:
      throw new ApiError(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
  }
}

export class RestHandler {
  constructor(private d: RestDeps) {}

  /** The served type for a request path, or 404 like a server that does not serve it. */
  resolve(info: RequestInfo): ResourceType {
    const rt = this.d.registry.byPlural(info.group, info.resource, info.version);
    if (!rt) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    if (info.namespace && !rt.namespaced) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    if (info.subresource && !rt.subresources.includes(info.subresource)) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    return rt;
  }

  private storeKey(rt: ResourceType): string {
    return viewOf(rt)?.storeKey ?? rt.key;
  }

  private renderer(rt: ResourceType): (o: StoredObject) => string {
    const view = viewOf(rt);
    if (view) return (o) => JSON.stringify(view.fromStore(o.parse()));
    return (o) => o.json;
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL, user: SimUser, info: RequestInfo): Promise<void> {
    const q = url.searchParams;
    const rt = this.resolve(info);
    const method = req.method ?? 'GET';
    const watch = info.legacyWatch || queryFlag(q, 'watch');
    const verb = verbOf(method, info, watch);
    this.d.authz.check(user, { verb, group: rt.group, resource: rt.plural, subresource: info.subresource, namespace: info.namespace, name: info.name });

    if (info.subresource) {
      const plugin = this.d.routes.http.get(`${rt.key}/${info.subresource}`);
      if (plugin) {
        await plugin({ req, res, query: q, user, resource: rt, namespace: info.namespace, name: info.name, subresource: info.subresource, rest: info.rest });
        return;
      }
    }
    if (rt.virtual) return this.virtual(req, res, q, user, rt, info, verb);

    const shape = negotiate(req.headers.accept);
    const include = (q.get('includeObject') as IncludeObject) || 'Metadata';
    if (!['None', 'Metadata', 'Object'].includes(include)) throw new ApiError(400, 'BadRequest', `includeObject: Unsupported value: "${include}"`);
    const storeKey = this.storeKey(rt);
    const render = this.renderer(rt);
    const ns = info.namespace;

    if (verb === 'watch') {
      let fieldSelector = q.get('fieldSelector') ?? undefined;
      if (info.name) fieldSelector = [fieldSelector, `metadata.name=${info.name}`].filter(Boolean).join(',');
      const sendInitialEvents = q.has('sendInitialEvents') ? queryFlag(q, 'sendInitialEvents') : undefined;
      if (sendInitialEvents !== undefined) {
        if (q.get('resourceVersionMatch') !== 'NotOlderThan') {
          throw new ApiError(422, 'Invalid', `ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan`);
        }
        if (sendInitialEvents && !queryFlag(q, 'allowWatchBookmarks')) {
          throw new ApiError(422, 'Invalid', `ListOptions.meta.k8s.io "" is invalid: allowWatchBookmarks: Forbidden: sendInitialEvents requires setting allowWatchBookmarks to true`);
        }
      }
      // Validate selectors before the 200 goes out.
      this.d.store.list(storeKey, { namespace: '\u0000', labelSelector: q.get('labelSelector') ?? undefined, fieldSelector });
      const now = this.d.now;
      this.d.watches.serve(req, res, {
        rt,
        storeKey,
        namespace: ns,
        labelSelector: q.get('labelSelector') ?? undefined,
        fieldSelector,
        resourceVersion: q.get('resourceVersion') ?? undefined,
        allowBookmarks: queryFlag(q, 'allowWatchBookmarks'),
        sendInitialEvents,
        timeoutSeconds: intParam(q, 'timeoutSeconds'),
        render:
          shape === 'table'
            ? (o) => `${tableHead(rt, `{"resourceVersion":"${this.d.store.encodeRv(o.rev)}"}`)}${tableRowJson(o, rt, include, now())}]}`
            : shape === 'metadata'
              ? (o) => partialObjectMetadata(o)
              : render,
      });
      return;
    }

    switch (verb) {
      case 'list':
        await serveList(
          res,
          this.d.store,
          {
            rt,
            storeKey,
            namespace: ns,
            labelSelector: q.get('labelSelector') ?? undefined,
            fieldSelector: q.get('fieldSelector') ?? undefined,
            limit: intParam(q, 'limit'),
            continueToken: q.get('continue') || undefined,
            resourceVersion: q.get('resourceVersion') ?? undefined,
            resourceVersionMatch: q.get('resourceVersionMatch') ?? undefined,
            output: shape,
            includeObject: include,
            render,
          },
          this.d.now(),
          this.d.continueTtlMs(),
        );
        return;
      case 'get':
        return this.get(res, rt, info, shape, include);
      case 'create':
        return this.create(req, res, q, rt, info);
      case 'update':
        return this.update(req, res, q, rt, info);
      case 'patch':
        return this.patch(req, res, q, rt, info);
      case 'delete':
        return this.delete(req, res, q, rt, info);
      case 'deletecollection':
        return this.deleteCollection(req, res, q, rt, info);
    }
  }

  private get(res: ServerResponse, rt: ResourceType, info: RequestInfo, shape: OutputShape, include: IncludeObject): void {
    if (info.subresource === 'scale') {
      sendJson(res, 200, this.d.objects.getScale(rt.key, info.namespace, info.name));
      return;
    }
    if (info.subresource && info.subresource !== 'status') throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const o = this.d.store.get(this.storeKey(rt), info.namespace, info.name);
    if (!o) throw new ApiError(404, 'NotFound', `${rt.group ? `${rt.plural}.${rt.group}` : rt.plural} "${info.name}" not found`, { name: info.name, group: rt.group, kind: rt.plural });
    if (shape === 'table') {
      sendJson(res, 200, `${tableHead(rt, `{"resourceVersion":"${this.d.store.encodeRv(o.rev)}"}`)}${tableRowJson(o, rt, include, this.d.now())}]}`);
    } else if (shape === 'metadata') {
      sendJson(res, 200, partialObjectMetadata(o));
    } else {
      sendJson(res, 200, this.renderer(rt)(o));
    }
  }

  private async body(req: IncomingMessage): Promise<any> {
    return decodeBody(await readBody(req), req.headers['content-type']);
  }

  private checkBodyIdentity(rt: ResourceType, info: RequestInfo, o: any, requireName: boolean): void {
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw new ApiError(400, 'BadRequest', 'the server rejected our request due to an error in our request: body must be an object');
    o.metadata ??= {};
    if (o.apiVersion && o.apiVersion !== apiVersionOf(rt) && !(rt.key === 'events.events.k8s.io')) {
      throw new ApiError(400, 'BadRequest', `the API version in the data (${o.apiVersion}) does not match the expected API version (${apiVersionOf(rt)})`);
    }
    if (o.kind && o.kind !== rt.kind) {
      throw new ApiError(400, 'BadRequest', `the kind in the data (${o.kind}) does not match the expected kind (${rt.kind})`);
    }
    if (rt.namespaced) {
      if (o.metadata.namespace && o.metadata.namespace !== info.namespace) {
        throw new ApiError(400, 'BadRequest', 'the namespace of the provided object does not match the namespace sent on the request');
      }
      o.metadata.namespace = info.namespace;
    }
    if (requireName && o.metadata.name !== info.name) {
      throw new ApiError(400, 'BadRequest', `the name of the object (${o.metadata.name ?? ''}) does not match the name on the URL (${info.name})`);
    }
  }

  private toStore(rt: ResourceType, o: KubeObject): KubeObject {
    return viewOf(rt)?.toStore(o) ?? o;
  }

  private fromStore(rt: ResourceType, o: KubeObject): KubeObject {
    return viewOf(rt)?.fromStore(o) ?? o;
  }

  private async create(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, rt: ResourceType, info: RequestInfo): Promise<void> {
    const opts = writeOptions(q);
    const body = await this.body(req);
    if (info.subresource === 'eviction') return this.evict(res, rt, info, body, opts.dryRun);
    if (info.subresource === 'binding') {
      const pod = this.d.objects.get('pods', info.namespace, info.name);
      if (!pod) throw new ApiError(404, 'NotFound', `pods "${info.name}" not found`, { name: info.name, kind: 'pods' });
      if ((pod as any).spec?.nodeName) throw new ApiError(409, 'Conflict', `Operation cannot be fulfilled on pods/binding "${info.name}": pod ${info.name} is already assigned to node "${(pod as any).spec.nodeName}"`);
      this.d.objects.patch('pods', info.namespace, info.name, 'merge', { spec: { nodeName: body?.target?.name } }, opts);
      sendJson(res, 201, { ...successStatus(), code: 201 });
      return;
    }
    if (info.name && !info.subresource) throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    this.checkBodyIdentity(rt, info, body, false);
    const created = this.d.objects.create(this.storeKey(rt), this.toStore(rt, body), opts);
    sendJson(res, 201, this.fromStore(rt, created));
  }

  private evict(res: ServerResponse, rt: ResourceType, info: RequestInfo, body: any, dryRun: boolean): void {
    const pod = this.d.objects.get('pods', info.namespace, info.name);
    if (!pod) throw new ApiError(404, 'NotFound', `pods "${info.name}" not found`, { name: info.name, kind: 'pods' });
    const del = body?.deleteOptions ?? {};
    this.d.objects.delete('pods', info.namespace, info.name, {
      gracePeriodSeconds: del.gracePeriodSeconds,
      preconditions: del.preconditions,
      dryRun: dryRun || (del.dryRun ?? []).includes('All'),
    });
    sendJson(res, 201, { ...successStatus(), code: 201 });
  }

  private async update(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, rt: ResourceType, info: RequestInfo): Promise<void> {
    const opts = writeOptions(q);
    const body = await this.body(req);
    if (info.subresource === 'scale') {
      sendJson(res, 200, this.d.objects.updateScale(rt.key, info.namespace, info.name, body, opts));
      return;
    }
    if (info.subresource === 'finalize') {
      const fin: string[] = body?.spec?.finalizers ?? [];
      const ns = this.d.objects.get('namespaces', '', info.name);
      if (!ns) throw new ApiError(404, 'NotFound', `namespaces "${info.name}" not found`, { name: info.name, kind: 'namespaces' });
      if (!fin.includes('kubernetes')) this.d.objects.finalizeNamespace(info.name);
      sendJson(res, 200, this.d.objects.get('namespaces', '', info.name) ?? { ...ns, spec: { finalizers: fin } });
      return;
    }
    this.checkBodyIdentity(rt, info, body, true);
    const updated = this.d.objects.update(this.storeKey(rt), this.toStore(rt, body), { ...opts, subresource: info.subresource === 'status' ? 'status' : undefined });
    sendJson(res, 200, this.fromStore(rt, updated));
  }

  private async patch(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, rt: ResourceType, info: RequestInfo): Promise<void> {
    const opts = writeOptions(q);
    const ct = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const type = PATCH_TYPES[ct];
    const accepted = rt.custom
      ? 'application/json-patch+json, application/merge-patch+json'
      : 'application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json';
    if (!type || (type === 'strategic' && rt.custom)) {
      throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${accepted}`);
    }
    const body = decodeBody(await readBody(req), 'application/json');
    const sub = info.subresource === 'status' || info.subresource === 'scale' ? info.subresource : undefined;
    const view = viewOf(rt);
    if (view) {
      // A patch is written against the served version: apply it to the converted object.
      const cur = this.d.objects.get(view.storeKey, info.namespace, info.name);
      if (!cur) throw new ApiError(404, 'NotFound', `${rt.plural}.${rt.group} "${info.name}" not found`, { name: info.name, group: rt.group, kind: rt.plural });
      const { applyPatch } = await import('./objects');
      const patched = applyPatch(type, view.fromStore(cur), body);
      sendJson(res, 200, view.fromStore(this.d.objects.update(view.storeKey, view.toStore(patched), { ...opts, subresource: sub === 'status' ? sub : undefined })));
      return;
    }
    sendJson(res, 200, this.d.objects.patch(rt.key, info.namespace, info.name, type, body, { ...opts, subresource: sub }));
  }

  private async deleteOptions(req: IncomingMessage, q: URLSearchParams): Promise<any> {
    const buf = await readBody(req);
    const body = buf.length ? (decodeBody(buf, req.headers['content-type']) as any) : {};
    const grace = intParam(q, 'gracePeriodSeconds') ?? body.gracePeriodSeconds;
    let policy = q.get('propagationPolicy') ?? body.propagationPolicy;
    const orphan = q.get('orphanDependents') ?? body.orphanDependents;
    if (!policy && (orphan === true || orphan === 'true')) policy = 'Orphan';
    if (policy && !['Foreground', 'Background', 'Orphan'].includes(policy)) {
      throw new ApiError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
    }
    const dry = [...q.getAll('dryRun'), ...(body.dryRun ?? [])];
    return { gracePeriodSeconds: grace, propagationPolicy: policy, preconditions: body.preconditions, dryRun: dry.includes('All') };
  }

  private async delete(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, rt: ResourceType, info: RequestInfo): Promise<void> {
    const opts = await this.deleteOptions(req, q);
    const key = this.storeKey(rt);
    const before = this.d.store.get(key, info.namespace, info.name);
    const result = this.d.objects.delete(key, info.namespace, info.name, opts);
    const stillThere = !opts.dryRun && this.d.store.get(key, info.namespace, info.name);
    if (stillThere || rt.kind === 'Pod' || opts.dryRun) {
      sendJson(res, 200, this.fromStore(rt, result));
      return;
    }
    sendJson(res, 200, successStatus({ name: info.name, group: rt.group, kind: rt.plural, uid: before?.uid }));
  }

  private async deleteCollection(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, rt: ResourceType, info: RequestInfo): Promise<void> {
    const opts = await this.deleteOptions(req, q);
    const key = this.storeKey(rt);
    const items = this.d.store.list(key, { namespace: info.namespace, labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
    const deleted: string[] = [];
    for (const o of items) {
      try {
        const r = this.d.objects.delete(key, o.namespace, o.name, opts);
        deleted.push(JSON.stringify(this.fromStore(rt, r)));
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 404)) throw err;
      }
    }
    sendJson(res, 200, `{"kind":"${rt.listKind}","apiVersion":"${apiVersionOf(rt)}","metadata":{"resourceVersion":"${this.d.store.encodeRv(this.d.store.revision())}"},"items":[${deleted.join(',')}]}`);
  }

  /** Resources not kept in the store: access reviews and metrics.k8s.io. */
  private async virtual(req: IncomingMessage, res: ServerResponse, q: URLSearchParams, user: SimUser, rt: ResourceType, info: RequestInfo, verb: string): Promise<void> {
    if (rt.group === 'authorization.k8s.io' || rt.group === 'authentication.k8s.io') {
      if (verb !== 'create') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const body = await this.body(req);
      const out =
        rt.plural === 'selfsubjectaccessreviews'
          ? accessReview(this.d.authz, user, body)
          : rt.plural === 'selfsubjectrulesreviews'
            ? rulesReview(this.d.authz, user, body)
            : selfReview(user);
      sendJson(res, 201, out);
      return;
    }
    if (rt.group === 'metrics.k8s.io') {
      if (verb !== 'get' && verb !== 'list') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      const provider = this.d.metrics();
      const all = provider ? (rt.plural === 'nodes' ? provider.nodeMetrics() : provider.podMetrics(info.namespace || undefined)) : [];
      const sel = parseLabelSelector(q.get('labelSelector'));
      const items = all.filter((m) => (!info.namespace || m.metadata.namespace === info.namespace) && matchLabels(sel, m.metadata.labels));
      if (verb === 'get') {
        const hit = items.find((m) => m.metadata.name === info.name);
        if (!hit) throw new ApiError(404, 'NotFound', `${rt.kind === 'NodeMetrics' ? 'nodemetrics' : 'podmetrics'}.metrics.k8s.io "${info.name}" not found`, { name: info.name, group: 'metrics.k8s.io', kind: rt.plural });
        sendJson(res, 200, hit);
        return;
      }
      sendJson(res, 200, { kind: rt.listKind, apiVersion: 'metrics.k8s.io/v1beta1', metadata: {}, items });
      return;
    }
    throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
  }
}

export { WatchHub };
