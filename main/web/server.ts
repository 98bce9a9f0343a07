/**
 * Web mode: the built renderer over HTTP and the typed contract over one WebSocket per page,
 * on 127.0.0.1 only. Not a proxy to the cluster: the socket carries exactly the envelopes the
 * Electron IPC carries, served by the same handlers.
 *
 * Every request must carry the per-launch token: once as `?token=` (the printed URL), which
 * sets an HttpOnly SameSite=Strict cookie and redirects to the same path without the token,
 * then by that cookie. Host is checked against our own address (DNS rebinding) and the
 * WebSocket Origin against our own origin (cross-site WebSocket hijacking).
 */
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { WEB_SOCKET_PATH } from '../../app/contract/bridge';
import type { AnyDescriptor, HandlersFor } from '../../app/contract/descriptor';
import { contract as pilothouseContract, type PilothouseContract } from '../../app/contract/pilothouse';
import { serveContract } from '../../app/contract/serve';
import {
  authenticate,
  generateToken,
  isAllowedHost,
  isAllowedOrigin,
  securityHeaders,
  sessionCookie,
} from './security';
import { socketServerPort } from './socketPort';
import { isHtml, resolveStaticFile } from './staticFiles';

export interface WebServerOptions<C extends Record<string, AnyDescriptor> = PilothouseContract> {
  handlers: HandlersFor<C>;
  /** Defaults to the Pilothouse contract; tests may serve a small one. */
  contract?: C;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The built renderer. */
  staticDir?: string;
  /** Fixes the token (e2e); default: 32 random bytes, base64url. */
  token?: string;
  /** Largest accepted WebSocket message, bytes. */
  maxMessageBytes?: number;
  /** Interval of WebSocket pings; a peer that misses one is dropped. */
  heartbeatMs?: number;
}

export interface WebServer {
  /** The URL to open, token included: http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TOKEN_FORMAT = /^[A-Za-z0-9_~.-]{16,512}$/;
const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
const DEFAULT_HEARTBEAT_MS = 30_000;

/** Rejects an HTTP upgrade before any WebSocket exists. */
function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${reason.length}\r\n\r\n${reason}`);
}

export async function startWebServer<C extends Record<string, AnyDescriptor> = PilothouseContract>(
  options: WebServerOptions<C>,
): Promise<WebServer> {
  const served = (options.contract ?? pilothouseContract) as C;
  const staticDir = path.resolve(options.staticDir ?? 'dist/renderer');
  const token = options.token ?? generateToken();
  if (!TOKEN_FORMAT.test(token)) {
    throw new Error('The web-mode token must be 16–512 characters of A–Z, a–z, 0–9, "-", "_", "." or "~".');
  }
  let port = 0; // Known once listening; every check below uses the real port.

  const send = (res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...securityHeaders(port), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
    res.end(text);
  };

  const handleRequest = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, port)) {
      send(res, 421, `This server answers only http://127.0.0.1:${port}/\n`);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const auth = authenticate({ cookieHeader: req.headers.cookie, queryToken: url.searchParams.get('token') }, port, token);
    if (!auth) {
      send(res, 401, 'Pilothouse web mode: open the URL printed at start (it carries a one-time token).\n');
      return;
    }
    if (url.searchParams.has('token')) {
      // Trade the token for the cookie and take it out of the address bar and history.
      url.searchParams.delete('token');
      send(res, 303, 'See Other\n', { Location: url.pathname + url.search, 'Set-Cookie': sessionCookie(port, token) });
      return;
    }
    const lookup = await resolveStaticFile(staticDir, url.pathname);
    if (lookup.kind === 'bad-request') {
      send(res, 400, `Bad request: ${lookup.reason}\n`);
      return;
    }
    if (lookup.kind === 'not-found') {
      const built = (await resolveStaticFile(staticDir, '/')).kind === 'file';
      if (built) send(res, 404, 'Not found\n');
      else send(res, 503, `The renderer is not built (no index.html in ${staticDir}); run \`npm run build\`.\n`);
      return;
    }
    res.writeHead(200, {
      ...securityHeaders(port),
      'Content-Type': lookup.contentType,
      'Cache-Control': isHtml(lookup) ? 'no-store' : 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(lookup.filePath);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = createServer((req, res) => {
    handleRequest(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Internal error\n');
      else res.destroy();
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES });
  const alive = new WeakMap<WebSocket, boolean>();

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if (!isAllowedHost(req.headers.host, port)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname !== WEB_SOCKET_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!authenticate({ cookieHeader: req.headers.cookie, queryToken: url.searchParams.get('token') }, port, token)) {
      return refuseUpgrade(socket, 401, 'Unauthorized');
    }
    if (!isAllowedOrigin(req.headers.origin, port)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  wss.on('connection', (ws: WebSocket) => {
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    // ws reports protocol violations (e.g. a message over maxPayload) as errors after
    // closing with the right code; without a listener they would crash the process.
    ws.on('error', () => ws.terminate());
    const stop = serveContract(served, options.handlers, socketServerPort(ws));
    ws.on('close', stop);
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('web server has no TCP address');
  port = address.port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close() {
      closing ??= new Promise<void>((resolve) => {
        clearInterval(heartbeat);
        for (const ws of wss.clients) ws.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
