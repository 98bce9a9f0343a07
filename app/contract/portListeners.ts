/**
 * The listener bookkeeping every transport's Port shares (Electron IPC, the web socket on
 * either side): fan messages out to receivers, and close exactly once, telling close
 * listeners in registration order (the renderer's resilient client relies on learning of a
 * drop before the contract client fails its streams). A listener that registers after the
 * close is still told, on the next microtask, so nobody waits forever on a dead port.
 */
export interface PortListeners<In> {
  readonly closed: boolean;
  /** Hands an incoming message to every receiver (nothing after close). */
  deliver(message: In): void;
  /** Marks the port closed and tells the close listeners; false if it already was closed. */
  close(): boolean;
  onMessage(listener: (message: In) => void): () => void;
  onClose(listener: () => void): () => void;
}

export function createPortListeners<In>(): PortListeners<In> {
  const messageListeners = new Set<(message: In) => void>();
  const closeListeners = new Set<() => void>();
  let closed = false;
  return {
    get closed() {
      return closed;
    },
    deliver(message) {
      for (const l of messageListeners) l(message);
    },
    close() {
      if (closed) return false;
      closed = true;
      const toTell = [...closeListeners];
      closeListeners.clear();
      messageListeners.clear();
      for (const l of toTell) l();
      return true;
    },
    onMessage(listener) {
      if (closed) return () => {};
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onClose(listener) {
      if (closed) {
        queueMicrotask(listener);
        return () => {};
      }
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
  };
}
