/**
 * The wire envelope shared by both transports (Electron IPC and the web-mode WebSocket).
 * Every message is plain JSON.
 */
import type { ContractErrorData } from './errors';

export type ClientMessage =
  | { t: 'call'; id: number; ch: string; req: unknown }
  | { t: 'cancel'; id: number }
  | { t: 'sub'; id: number; ch: string; params: unknown }
  | { t: 'unsub'; id: number };

export type ServerMessage =
  | { t: 'result'; id: number; ok: true; res: unknown }
  | { t: 'result'; id: number; ok: false; error: ContractErrorData }
  | { t: 'event'; id: number; ev: unknown }
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
    default:
      return undefined;
  }
}
