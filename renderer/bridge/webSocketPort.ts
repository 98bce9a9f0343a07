/**
 * A ClientPort over one WebSocket to the web-mode core (`/ws` on the page's own origin).
 * Auth travels as the HttpOnly cookie the core set when the page loaded, so no token is
 * handled here. Messages sent before the socket opens are queued; close fires exactly once.
 */
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
  const messageListeners = new Set<(m: ServerMessage) => void>();
  // An array, not a Set: close listeners run in registration order, which the resilient
  // client relies on (it must learn of the drop before the contract client fails its streams).
  const closeListeners: Array<() => void> = [];
  const queue: string[] = [];
  let closed = false;

  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => {
      for (const m of queue.splice(0)) socket.send(m);
      resolve();
    });
    socket.addEventListener('close', () => reject(new Error('WebSocket closed before opening')));
  });
  opened.catch(() => {}); // Observed by callers that care; never an unhandled rejection.

  socket.addEventListener('message', (ev) => {
    if (typeof ev.data !== 'string') return;
    let msg: ServerMessage;
    try {
      msg = JSON.parse(ev.data) as ServerMessage;
    } catch {
      return; // Not our envelope: ignore rather than crash the app.
    }
    for (const l of messageListeners) l(msg);
  });

  const fireClose = () => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners.splice(0)) l();
  };
  socket.addEventListener('close', fireClose);
  socket.addEventListener('error', () => socket.close());

  return {
    opened,
    send(message: ClientMessage) {
      if (closed) return;
      const text = JSON.stringify(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else queue.push(text);
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(listener);
        return () => {};
      }
      closeListeners.push(listener);
      return () => {
        const i = closeListeners.indexOf(listener);
        if (i >= 0) closeListeners.splice(i, 1);
      };
    },
    close() {
      socket.close();
      fireClose();
    },
  };
}
