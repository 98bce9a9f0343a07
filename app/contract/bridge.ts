/**
 * The one object the Electron preload exposes to the renderer via contextBridge
 * (as `window.pilothouse`). In web mode there is no such object: the renderer opens a
 * WebSocket to `/ws` on its own origin instead. Both carry the same envelopes.
 */
import type { ClientMessage, ServerMessage } from './protocol';

export interface PreloadBridge {
  readonly transport: 'ipc';
  send(message: ClientMessage): void;
  /** Returns a function that removes the listener. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
}

/** The IPC channel name used by preload and main. */
export const IPC_CHANNEL = 'pilothouse:contract';
/** Path of the web-mode WebSocket endpoint. */
export const WEB_SOCKET_PATH = '/ws';
