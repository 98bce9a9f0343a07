/**
 * The connection a request arrived on, and the sessions it owns.
 *
 * An exec, log or port-forward session is a stream opened by one connection (one page load's
 * port); the calls that steer it (input, resize, stop) name its handle. Handles are looked up
 * only in the calling connection's own table, so one page can never steer another's session,
 * and closing the connection closes every session it owns. Handles need not be secret for the
 * same reason: a counter is enough.
 */
import { ContractError } from './errors';

export interface SessionTable {
  /**
   * Registers a session of `kind`; `close` runs once, when the session is closed, the signal
   * aborts (its stream ended) or the connection closes. Returns the session's handle.
   */
  open<T>(kind: string, session: T, close: () => void, signal?: AbortSignal): string;
  /** The session behind a handle of this connection, or a `not-found` ContractError. */
  get<T>(kind: string, handle: unknown): T;
  /** Closes one session (no-op for an unknown handle). */
  close(handle: string): void;
  /** How many sessions are open (for tests and diagnostics). */
  size(): number;
}

/** One connection to the core, as a handler sees it. */
export interface Peer {
  /** Unique within this process, e.g. for logs ("peer-3"). */
  readonly id: string;
  readonly sessions: SessionTable;
}

interface Entry {
  kind: string;
  session: unknown;
  close: () => void;
}

let peerCount = 0;

/** A connection's peer; `closeAll` ends its sessions when the connection goes away. */
export function createPeer(): Peer & { closeAll(): void } {
  const entries = new Map<string, Entry>();
  let next = 0;
  const closeOne = (handle: string) => {
    const entry = entries.get(handle);
    if (!entry) return;
    entries.delete(handle);
    entry.close();
  };
  const sessions: SessionTable = {
    open(kind, session, close, signal) {
      const handle = `${kind}-${++next}`;
      entries.set(handle, { kind, session, close });
      if (signal?.aborted) closeOne(handle);
      else signal?.addEventListener('abort', () => closeOne(handle), { once: true });
      return handle;
    },
    get<T>(kind: string, handle: unknown): T {
      const entry = typeof handle === 'string' ? entries.get(handle) : undefined;
      if (!entry || entry.kind !== kind) {
        throw new ContractError({ code: 'not-found', message: `No ${kind} session ${String(handle)} on this connection`, display: { code: 'session-not-found' } });
      }
      return entry.session as T;
    },
    close: closeOne,
    size: () => entries.size,
  };
  return {
    id: `peer-${++peerCount}`,
    sessions,
    closeAll() {
      for (const handle of [...entries.keys()]) closeOne(handle);
    },
  };
}
