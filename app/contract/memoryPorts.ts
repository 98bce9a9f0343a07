/** An in-memory transport pair: the contract end to end without IPC or sockets (for tests). */
import type { ClientMessage, ClientPort, ServerMessage, ServerPort } from './protocol';

export function createMemoryPorts(): { client: ClientPort; server: ServerPort; close(): void } {
  const toServer = new Set<(m: ClientMessage) => void>();
  const toClient = new Set<(m: ServerMessage) => void>();
  const closeListeners = new Set<() => void>();
  let open = true;
  // Round-trip through JSON so tests catch anything that would not survive a real transport;
  // bytes are copied as bytes, as IPC's structured clone and the socket's binary frames do.
  const clone = <T extends ClientMessage | ServerMessage>(m: T): T =>
    m.t === 'bytes' ? ({ ...m, data: new Uint8Array(m.data) } as T) : (JSON.parse(JSON.stringify(m)) as T);
  const deliver = <T extends ClientMessage | ServerMessage>(listeners: Set<(m: T) => void>, m: T) => {
    const copy = clone(m); // Copied at send time: the sender may reuse its buffer afterwards.
    queueMicrotask(() => {
      if (open) for (const l of listeners) l(copy);
    });
  };
  const onClose = (l: () => void) => {
    closeListeners.add(l);
    return () => closeListeners.delete(l);
  };
  return {
    client: {
      send: (m) => deliver(toServer, m),
      onMessage: (l) => (toClient.add(l), () => toClient.delete(l)),
      onClose,
    },
    server: {
      send: (m) => deliver(toClient, m),
      onMessage: (l) => (toServer.add(l), () => toServer.delete(l)),
      onClose,
    },
    close() {
      if (!open) return;
      open = false;
      for (const l of closeListeners) l();
    },
  };
}
