/**
 * The HTTPS front: chaos faults, health and version endpoints, authentication, discovery,
 * OpenAPI, plug-in raw routes, resource endpoints and protocol upgrades (exec/port-forward).
 */
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError, type ChaosKnobs, type SimUser } from '../types';
import type { Authorizer } from '../auth/authz';
import type { Registry } from '../api/registry';
import type { RestHandler } from '../api/rest';
import { parseRequestInfo } from '../api/requestInfo';
import { aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, VERSION_INFO } from '../api/discovery';
import type { OpenApi } from '../api/openapi';
import type { Routes } from './routes';
import { sendError, sendJson } from './respond';
import type { TlsMaterial } from './tls';

export interface ServerDeps {
  tls: TlsMaterial;
  authz: Authorizer;
  registry: Registry;
  rest: RestHandler;
  routes: Routes;
  openapi: OpenApi;
  chaos: ChaosKnobs;
  address: () => string;
}

const HEALTH = new Set(['/healthz', '/livez', '/readyz']);
const AGG_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const AGG_V2BETA1 = 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList';

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function notFoundText(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end('404 page not found\n');
}

/** Which aggregated discovery version (if any) the Accept header asks for first. */
function aggregatedVersion(accept: string | undefined): string | undefined {
  for (const part of (accept ?? '').split(',')) {
    const p = part.replace(/\s+/g, '');
    if (p.startsWith(AGG_V2)) return 'v2';
    if (p.startsWith(AGG_V2BETA1)) return 'v2beta1';
    if (p.startsWith('application/json') || p.startsWith('*/*')) return undefined;
  }
  return undefined;
}

export class SimServer {
  readonly server: https.Server;
  private sockets = new Set<Duplex>();

  constructor(private d: ServerDeps) {
    this.server = https.createServer({ cert: d.tls.certPem, key: d.tls.keyPem }, (req, res) => {
      this.onRequest(req, res).catch((err) => sendError(res, err));
    });
    this.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.onUpgrade(req, socket, head).catch((err) => {
        const e = err instanceof ApiError ? err : new ApiError(500, 'InternalError', String(err));
        const body = JSON.stringify(e.toStatus());
        socket.end(`HTTP/1.1 ${e.code} ${e.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      });
    });
    this.server.on('connection', (s: Duplex) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.keepAliveTimeout = 65_000;
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      for (const s of this.sockets) s.destroy();
      this.server.close(() => resolve());
    });
  }

  private authenticate(req: IncomingMessage): SimUser {
    return this.d.authz.authenticate(req.headers.authorization);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://sim.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const chaos = this.d.chaos;
    if (chaos.latencyMs > 0) await sleep(chaos.latencyMs);

    if (HEALTH.has(path) || [...HEALTH].some((h) => path.startsWith(`${h}/`))) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
      res.end('ok');
      return;
    }
    if (path === '/version') {
      sendJson(res, 200, VERSION_INFO);
      return;
    }
    const raw = this.d.routes.findRaw(path);
    if (raw && !raw.auth) {
      await raw.handler(req, res, url);
      return;
    }
    const user = this.authenticate(req);
    const isWatch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1' || path.includes('/watch/');
    if (chaos.rate5xx > 0 && Math.random() < chaos.rate5xx) {
      throw new ApiError(503, 'ServiceUnavailable', 'the server is currently unable to handle the request (injected fault)');
    }
    if (!isWatch && chaos.rate429 > 0 && Math.random() < chaos.rate429) {
      throw new ApiError(429, 'TooManyRequests', 'The server has received too many requests and has asked us to try again later. (injected fault)', { retryAfterSeconds: chaos.retryAfterSeconds }, { 'Retry-After': String(chaos.retryAfterSeconds) });
    }
    if (raw) {
      await raw.handler(req, res, url);
      return;
    }
    if (path === '/openapi/v2' || path === '/openapi/v3' || path.startsWith('/openapi/v3/') || path === '/swagger-2.0.0.pb-v1') {
      this.d.openapi.serve(req, res, path);
      return;
    }
    const info = parseRequestInfo(path);
    if (info) {
      await this.d.rest.handle(req, res, url, user, info);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    this.discovery(req, res, path);
  }

  private discovery(req: IncomingMessage, res: ServerResponse, path: string): void {
    const registry = this.d.registry;
    const agg = aggregatedVersion(req.headers.accept);
    if (path === '/api' || path === '/apis') {
      if (agg) {
        const apiVersion = agg === 'v2' ? 'apidiscovery.k8s.io/v2' : 'apidiscovery.k8s.io/v2beta1';
        sendJson(res, 200, aggregatedDiscovery(registry, path === '/api', apiVersion), { 'Content-Type': agg === 'v2' ? AGG_V2 : AGG_V2BETA1, Vary: 'Accept' });
        return;
      }
      sendJson(res, 200, path === '/api' ? apiVersions(this.d.address()) : apiGroupList(registry), { Vary: 'Accept' });
      return;
    }
    const parts = path.split('/').filter(Boolean);
    let doc: Record<string, unknown> | undefined;
    if (parts[0] === 'api' && parts.length === 2) doc = apiResourceList(registry, '', parts[1]);
    else if (parts[0] === 'apis' && parts.length === 2) doc = apiGroup(registry, parts[1]);
    else if (parts[0] === 'apis' && parts.length === 3) doc = apiResourceList(registry, parts[1], parts[2]);
    if (doc) sendJson(res, 200, doc);
    else if (parts[0] === 'api' || parts[0] === 'apis') throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    else notFoundText(res);
  }

  private async onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'https://sim.local');
    const user = this.authenticate(req);
    const info = parseRequestInfo(url.pathname);
    if (!info || !info.subresource) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    const rt = this.d.rest.resolve(info);
    const verb = info.subresource === 'proxy' ? 'get' : 'create';
    this.d.authz.check(user, { verb, group: rt.group, resource: rt.plural, subresource: info.subresource, namespace: info.namespace, name: info.name });
    const handler = this.d.routes.upgrades.get(`${rt.key}/${info.subresource}`);
    if (!handler) throw new ApiError(404, 'NotFound', 'the server could not find the requested resource');
    await handler({ req, socket, head, query: url.searchParams, user, resource: rt, namespace: info.namespace, name: info.name, subresource: info.subresource });
  }
}
