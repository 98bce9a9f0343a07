/**
 * What answers behind a forwarded port. No workload runs in a simulated pod, so every declared
 * containerPort is served by a tiny HTTP server of ours: any request gets a short text/plain page
 * naming the pod, container and port; `/healthz` answers `ok`. The server never listens: each
 * forwarded connection (a byte Duplex from the port-forward stream) is handed to it as a socket.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** The pod-side endpoint a connection reached. */
export interface PortTarget {
  namespace: string;
  pod: string;
  podIP?: string;
  container: string;
  port: number;
  /** The containerPort's name, if it has one. */
  portName?: string;
}

const targets = new WeakMap<object, PortTarget>();

function page(req: IncomingMessage, res: ServerResponse, target: PortTarget, bodyBytes: number): void {
  const path = (req.url ?? '/').split('?')[0];
  const headers = { 'Content-Type': 'text/plain; charset=utf-8', Server: 'pilothouse-sim', 'X-Sim-Pod': `${target.namespace}/${target.pod}`, 'X-Sim-Container': target.container };
  if (path === '/healthz' || path === '/readyz' || path === '/livez') {
    res.writeHead(200, headers).end('ok\n');
    return;
  }
  const port = target.portName ? `${target.port} (${target.portName})` : String(target.port);
  const lines = [
    `Hello from pod ${target.namespace}/${target.pod}`,
    `container: ${target.container}`,
    `port: ${port}`,
    ...(target.podIP ? [`pod IP: ${target.podIP}`] : []),
    `request: ${req.method ?? 'GET'} ${req.url ?? '/'}` + (bodyBytes > 0 ? ` (${bodyBytes} bytes of body)` : ''),
    '',
    'This is the Pilothouse Kubernetes simulator: no real workload runs here, so every declared',
    'container port answers with this page (and /healthz with "ok").',
    '',
  ];
  res.writeHead(200, headers).end(lines.join('\n'));
}

function answer(req: IncomingMessage, res: ServerResponse): void {
  const target = targets.get(req.socket);
  if (!target) {
    res.writeHead(500).end();
    return;
  }
  // Read the whole body first (counting it), as a real server would before answering.
  let bodyBytes = 0;
  req.on('data', (chunk: Buffer) => (bodyBytes += chunk.length));
  req.on('end', () => page(req, res, target, bodyBytes));
  req.on('error', () => res.destroy());
}

export class PortResponder {
  private server: Server = createServer({ keepAliveTimeout: 30_000 }, answer);

  /** Serves HTTP on `connection` until either side closes it. */
  serve(connection: Duplex, target: PortTarget): void {
    targets.set(connection, target);
    // http.Server accepts any Duplex as a connection; net.Socket-only calls (setTimeout,
    // setNoDelay) are feature-tested by Node before use.
    this.server.emit('connection', connection);
  }

  close(): void {
    this.server.close();
  }
}
