/**
 * The wire envelope shared by both transports (Electron IPC and the web-mode WebSocket).
 * Every message is plain JSON except `bytes`, whose `data` is a Uint8Array: IPC carries it by
 * structured clone, the web socket as a binary frame (binaryFrame.ts), never as JSON escapes.
 *
 * Flow control: the client acknowledges every `event` and `bytes` message of a stream once it
 * has consumed it (`ack`, counts batched). The server lets a stream run at most a window of
 * messages ahead of the acknowledgements (serve.ts), so a slow renderer slows the producer in
 * main instead of growing a queue in a socket.
 */
import type { ContractErrorData } from './errors';

export type ClientMessage =
  | { t: 'call'; id: number; ch: string; req: unknown }
  | { t: 'cancel'; id: number }
  | { t: 'sub'; id: number; ch: string; params: unknown }
  | { t: 'unsub'; id: number }
  /** The caller consumed `n` more messages (events and bytes) of stream `id`. */
  | { t: 'ack'; id: number; n: number }
  /** Bytes written into stream `id` by its caller (a session's input). */
  | { t: 'bytes'; id: number; data: Uint8Array };

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; res: unknown }
  | { t: 'result'; id: number; ok: false; error: ContractErrorData }
  | { t: 'event'; id: number; ev: unknown }
  /** Bytes produced by stream `id` (terminal output, log bytes). */
  | { t: 'bytes'; id: number; data: Uint8Array }
  | { t: 'end'; id: number; error?: ContractErrorData };

/** A bidirectional message port; each transport adapts itself to this. */
export interface Port<In, Out> {
  send(message: Out): void;
  /** Registers the receiver; returns a function that unregisters it. */
  onMessage(listener: (message: In) => void): () => void;
  /** Called once when the underlying connection closes. */
  onClose(listener: () => void): () => void;
}

export type ServerPort = Port<ClientMessage, ServerMessage>;
export type ClientPort = Port<ServerMessage, ClientMessage>;

/** Largest byte chunk one `bytes` message may carry; producers split bigger writes. */
export const MAX_BYTES_CHUNK = 256 * 1024;

/** Checks the shape of an untrusted incoming client message. */
export function parseClientMessage(raw: unknown): ClientMessage | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return undefined;
  switch (m.t) {
    case 'call':
      return typeof m.ch === 'string' ? { t: 'call', id: m.id, ch: m.ch, req: m.req } : undefined;
    case 'sub':
      return typeof m.ch === 'string' ? { t: 'sub', id: m.id, ch: m.ch, params: m.params } : undefined;
    case 'cancel':
      return { t: 'cancel', id: m.id };
    case 'unsub':
      return { t: 'unsub', id: m.id };
    case 'ack':
      return typeof m.n === 'number' && Number.isSafeInteger(m.n) && m.n > 0 ? { t: 'ack', id: m.id, n: m.n } : undefined;
    case 'bytes':
      return m.data instanceof Uint8Array && m.data.byteLength <= MAX_BYTES_CHUNK ? { t: 'bytes', id: m.id, data: m.data } : undefined;
    default:
      return undefined;
  }
}
