/**
 * A tiny plain-HTTP server that speaks just enough list/watch for the informer's edge cases
 * the simulator does not inject on demand: split and malformed watch lines, ERROR events,
 * 403 on list. Everything else is tested against the real simulator (sim/index startSim).
 * Test helper only.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeObject {
  metadata: { name: string; namespace: string; uid: string; resourceVersion: string; managedFields?: unknown[] };
  [k: string]: unknown;
}

export interface FakeApiServer {
  url: string;
  pods: Map<string, FakeObject>;
  /** Every open watch response. */
  watches: Set<http.ServerResponse>;
  /** Requests seen (method + url). */
  requests: string[];
  /** Authorization header of every request, in order. */
  authorizations: (string | undefined)[];
  /** When set, requests without exactly this Authorization header get 401. */
  requireAuthorization?: string;
  /** Canned answers for the next requests (any path), consumed in order. */
  respondNext: { status: number; headers?: Record<string, string>; message: string }[];
  /** Answer list requests with this status and message instead (e.g. 403). */
  failList?: { status: number; message: string };
  add(name: string): FakeObject;
  /** Write raw bytes to every open watch. */
  writeRaw(data: string): void;
  close(): Promise<void>;
}

export async function startFakeApiServer(): Promise<FakeApiServer> {
  let rv = 1000;
  // Opaque, non-numeric resourceVersions: a client that parses them breaks.
  const nextRv = () => `fake-${(++rv).toString(36)}`;
  const server: FakeApiServer = {
    url: '',
    pods: new Map(),
    watches: new Set(),
    requests: [],
    authorizations: [],
    respondNext: [],
    add(name) {
      const obj: FakeObject = { metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: nextRv(), managedFields: [{ manager: 'x' }] } };
      server.pods.set(name, obj);
      const line = JSON.stringify({ type: 'ADDED', object: obj }) + '\n';
      for (const w of server.watches) w.write(line);
      return obj;
    },
    writeRaw(data) {
      for (const w of server.watches) w.write(data);
    },
    close: () =>
      new Promise((resolve) => {
        for (const w of server.watches) w.destroy();
        http_.closeAllConnections();
        http_.close(() => resolve());
      }),
  };
  const http_ = http.createServer((req, res) => {
    server.requests.push(`${req.method} ${req.url}`);
    server.authorizations.push(req.headers.authorization);
    const url = new URL(req.url ?? '/', 'http://x');
    const canned = server.respondNext.shift();
    if (canned) {
      res.writeHead(canned.status, { 'Content-Type': 'application/json', ...canned.headers });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', message: canned.message, code: canned.status }));
      return;
    }
    if (server.requireAuthorization && req.headers.authorization !== server.requireAuthorization) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 }));
      return;
    }
    if (url.pathname === '/version') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0-fake' }));
      return;
    }
    if (url.pathname !== '/api/v1/pods') {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', message: `the server could not find the requested resource`, reason: 'NotFound', code: 404 }));
      return;
    }
    if (url.searchParams.get('watch')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      res.flushHeaders();
      server.watches.add(res);
      res.on('close', () => server.watches.delete(res));
      return;
    }
    if (server.failList) {
      res.writeHead(server.failList.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ kind: 'Status', status: 'Failure', message: server.failList.message, code: server.failList.status }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'PodList', apiVersion: 'v1', metadata: { resourceVersion: `fake-${rv.toString(36)}` }, items: [...server.pods.values()] }));
  });
  await new Promise<void>((resolve) => http_.listen(0, '127.0.0.1', resolve));
  server.url = `http://127.0.0.1:${(http_.address() as AddressInfo).port}`;
  return server;
}
