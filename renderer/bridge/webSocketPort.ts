/**
 * A ClientPort over one WebSocket to the web-mode core (`/ws` on the page's own origin).
 * Auth travels as the HttpOnly cookie the core set when the page loaded, so no token is
 * handled here. Messages sent before the socket opens are queued; close fires exactly once.
 */
import { decodeBytesFrame, encodeBytesFrame } from '../../app/contract/binaryFrame';
import { createPortListeners } from '../../app/contract/portListeners';
import type { ClientMessage, ClientPort, ServerMessage } from '../../app/contract/protocol';
import { WEB_SOCKET_PATH } from '../../app/contract/bridge';

export interface WebSocketPort extends ClientPort {
  /** Resolves when the socket opens; rejects if it closes first. */
  readonly opened: Promise<void>;
  /** Closes the socket (fires close listeners). */
  close(): void;
}

/** The WebSocket URL for the page's origin (ws: for http:, wss: for https:). */
export function webSocketUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${WEB_SOCKET_PATH}`;
}

export function openWebSocketPort(url: string): WebSocketPort {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer'; // `bytes` frames (terminal and log bytes) arrive as ArrayBuffers.
  const listeners = createPortListeners<ServerMessage>();
  const queue: Array<string | Uint8Array<ArrayBuffer>> = [];

  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      for (const m of queue.splice(0)) socket.send(m);
      resolve();
    });
    socket.addEventListener('close', () => reject(new Error('WebSocket closed before opening')));
  });
  opened.catch(() => {}); // Observed by callers that care; never an unhandled rejection.

  socket.addEventListener('message', (ev) => {
    if (ev.data instanceof ArrayBuffer) {
      const frame = decodeBytesFrame(new Uint8Array(ev.data));
      if (frame) listeners.deliver({ t: 'bytes', id: frame.id, data: frame.data });
      return;
    }
    if (typeof ev.data !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(ev.data) as ServerMessage;
    } catch {
      return; // Not our envelope: ignore rather than crash the app.
    }
    listeners.deliver(msg);
  });

  const fireClose = () => void listeners.close();
  socket.addEventListener('close', fireClose);
  socket.addEventListener('error', () => socket.close());

  return {
    opened,
    send(message: ClientMessage) {
      if (listeners.closed) return;
      const frame = message.t === 'bytes' ? encodeBytesFrame(message.id, message.data) : JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      else queue.push(frame);
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close() {
      socket.close();
      fireClose();
    },
  };
}
