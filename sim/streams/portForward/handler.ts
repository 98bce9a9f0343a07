/**
 * `/api/v1/namespaces/{ns}/pods/{name}/portforward` — `kubectl port-forward` and WebSocket clients.
 *
 * Three ways in, as a 1.32 API server + kubelet offer them:
 * - WebSocket with subprotocol `SPDY/3.1+portforward.k8s.io`: SPDY tunnelled in binary messages
 *   (what kubectl ≥ 1.31 tries first);
 * - `Upgrade: SPDY/3.1` with `X-Stream-Protocol-Version: portforward.k8s.io` (kubectl's fallback);
 * - WebSocket `v4.channel.k8s.io` with `?ports=` (client-node, browsers).
 * Authorization (`create` on pods/portforward) is done by the server before this runs.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream, type WebSocket } from 'ws';
import { ApiError, type SimContext, type UpgradeHandler } from '../../types';
import { badRequest, getPod, type PodView } from '../pods';
import { serveHttpStreams, type ForwardFn } from './httpStreams';
import { PortResponder } from './responder';
import { SpdySession } from './spdy';
import { checkForwardable, findTarget, parsePortsQuery, refusedMessage, sandboxGoneMessage } from './target';
import { CHANNEL_PROTOCOLS, serveWebSocketChannels } from './websocketChannels';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
/** kubectl's WebSocket tunnel: `SPDY/3.1+` + the httpstream protocol (k8s.io/apimachinery/pkg/util/portforward). */
export const SPDY_TUNNEL_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

export interface PortForwardHandle {
  handler: UpgradeHandler;
  /** Ends every open session and the responder. */
  close(): void;
}

function offeredProtocols(req: IncomingMessage): string[] {
  return String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
}

function headerList(value: string | string[] | undefined): string[] {
  return (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export function createPortForwardHandler(ctx: SimContext): PortForwardHandle {
  const responder = new PortResponder();
  const closers = new Set<() => void>();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => CHANNEL_PROTOCOLS.find((p) => offered.has(p)) ?? false });
  // `SPDY/3.1+portforward.k8s.io` is not an RFC 7230 token (the '/'), so `ws` would refuse the
  // handshake with 400 "Invalid Sec-WebSocket-Protocol header" (and kubectl silently fall back to
  // SPDY). The tunnel gets its own server: the request header is removed before `ws` parses it
  // and the chosen subprotocol is added to the 101 response here.
  const tunnelWss = new WebSocketServer({ noServer: true });
  tunnelWss.on('headers', (headers) => headers.push(`Sec-WebSocket-Protocol: ${SPDY_TUNNEL_PROTOCOL}`));

  /** Connects a stream to `port` of the pod as it is now; the error text when nothing listens. */
  const forwarderFor = (original: PodView): ForwardFn => (port, data) => {
    const now = ctx.store.get('pods', original.metadata.namespace ?? '', original.metadata.name ?? '')?.parse() as PodView | undefined;
    if (!now || now.metadata.uid !== original.metadata.uid || now.status?.phase !== 'Running') return sandboxGoneMessage(original, port);
    const target = findTarget(now, port);
    if (!target) return refusedMessage(now, port);
    responder.serve(data, target);
    return undefined;
  };

  /** Ends the session when its pod is deleted or replaced (the sandbox goes away). */
  const track = (pod: PodView, end: () => void) => {
    const namespace = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    const unwatch = ctx.store.watch('pods', { namespace, fieldSelector: `metadata.name=${name}` }, (event) => {
      if (event.object.name !== name) return;
      const now = event.type === 'DELETED' ? undefined : (event.object.parse() as PodView);
      if (!now || now.metadata.uid !== pod.metadata.uid || now.status?.phase !== 'Running') end();
    });
    const stop = () => {
      unwatch();
      closers.delete(end);
    };
    closers.add(end);
    return stop;
  };

  const serveSpdy = (transport: Duplex, pod: PodView) => {
    const session = new SpdySession(transport);
    const stop = track(pod, () => session.close());
    session.on('close', stop);
    serveHttpStreams(session, forwarderFor(pod));
  };

  const serveChannels = (ws: WebSocket, ports: number[], pod: PodView) => {
    const stop = track(pod, () => ws.terminate());
    ws.on('close', stop);
    ws.on('error', () => ws.terminate());
    serveWebSocketChannels(ws, ports, forwarderFor(pod));
  };

  const handler: UpgradeHandler = ({ req, socket, head, query, namespace, name }) => {
    const pod = getPod(ctx, namespace, name);
    checkForwardable(pod, namespace, name);
    const upgrade = String(req.headers.upgrade ?? '').toLowerCase();

    if (upgrade === 'websocket') {
      const offered = offeredProtocols(req);
      if (offered.includes(SPDY_TUNNEL_PROTOCOL)) {
        delete req.headers['sec-websocket-protocol'];
        tunnelWss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('error', () => ws.terminate());
          serveSpdy(createWebSocketStream(ws), pod);
        });
        return;
      }
      if (offered.length === 0 || CHANNEL_PROTOCOLS.some((p) => offered.includes(p))) {
        const ports = parsePortsQuery(query.getAll('ports'));
        wss.handleUpgrade(req, socket, head, (ws) => serveChannels(ws, ports, pod));
        return;
      }
      throw badRequest(`unable to upgrade connection: none of the requested subprotocols [${offered.join(', ')}] is supported (want ${SPDY_TUNNEL_PROTOCOL} or ${CHANNEL_PROTOCOLS.join(', ')})`);
    }

    if (upgrade === 'spdy/3.1') {
      const versions = headerList(req.headers['x-stream-protocol-version']);
      if (versions.length > 0 && !versions.includes(PORT_FORWARD_PROTOCOL)) {
        throw new ApiError(403, 'Forbidden', `unable to upgrade: unable to negotiate protocol: client supports [${versions.join(' ')}], server supports [${PORT_FORWARD_PROTOCOL}]`);
      }
      socket.write(
        'HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\n' + `X-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`,
      );
      if (head.length > 0) socket.unshift(head);
      serveSpdy(socket, pod);
      return;
    }

    throw badRequest('Upgrade request required');
  };

  return {
    handler,
    close: () => {
      for (const end of [...closers]) end();
      wss.close();
      tunnelWss.close();
      responder.close();
    },
  };
}
