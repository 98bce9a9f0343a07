/**
 * The caller's side of the contract: typed `call`, `subscribe` and `open` over any client
 * port. The renderer's bridge and the tests use this; it knows nothing of the transport.
 *
 * Every event and bytes message is acknowledged once consumed (batched per microtask), which
 * is what lets the server's window pace its producers; bytes whose handler returns a promise
 * are acknowledged when it settles (e.g. when xterm has parsed them).
 */
import type { CallDescriptor, StreamDescriptor } from './descriptor';
import { ContractError, type ContractErrorData } from './errors';
import { MAX_BYTES_CHUNK, type ClientPort, type ServerMessage } from './protocol';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface StreamHandlers<E> {
  onEvent: (event: E) => void;
  /** The stream ended: by the server, with an error, or because the transport closed. */
  onEnd?: (error?: ContractErrorData) => void;
  /**
   * Bytes the stream produced. Returning a promise holds back their acknowledgement until it
   * settles, so the producer in main waits for this consumer (backpressure).
   */
  onBytes?: (data: Uint8Array) => void | Promise<unknown>;
}

/** An open stream the caller can also write bytes into (an exec or port-forward session). */
export interface StreamSession {
  /** Writes bytes into the stream (split into chunks as the protocol requires). */
  send(data: Uint8Array): void;
  /** Unsubscribes; the server aborts the stream's handler. */
  close(): void;
}

export interface ContractClient {
  call<Req, Res>(descriptor: CallDescriptor<Req, Res>, req: Req, options?: CallOptions): Promise<Res>;
  subscribe<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: StreamHandlers<E>): () => void;
  open<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: StreamHandlers<E>): StreamSession;
  close(): void;
}

type Pending =
  | { kind: 'call'; resolve: (v: unknown) => void; reject: (e: unknown) => void }
  | { kind: 'stream'; handlers: StreamHandlers<unknown> };

export function createContractClient(port: ClientPort): ContractClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closed = false;

  // Acknowledgements, batched: one ack per stream per microtask however many messages came.
  const acks = new Map<number, number>();
  let ackScheduled = false;
  const flushAcks = () => {
    ackScheduled = false;
    for (const [id, n] of acks) if (pending.has(id) && !closed) port.send({ t: 'ack', id, n });
    acks.clear();
  };
  const ack = (id: number) => {
    acks.set(id, (acks.get(id) ?? 0) + 1);
    if (!ackScheduled) {
      ackScheduled = true;
      void Promise.resolve().then(flushAcks);
    }
  };

  const onMessage = (msg: ServerMessage) => {
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.t === 'result' && p.kind === 'call') {
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.res);
      else p.reject(new ContractError(msg.error));
    } else if (msg.t === 'event' && p.kind === 'stream') {
      try {
        p.handlers.onEvent(msg.ev);
      } finally {
        ack(msg.id);
      }
    } else if (msg.t === 'bytes' && p.kind === 'stream') {
      const consumed = p.handlers.onBytes?.(msg.data);
      if (consumed && typeof (consumed as Promise<unknown>).then === 'function') {
        (consumed as Promise<unknown>).then(
          () => ack(msg.id),
          () => ack(msg.id),
        );
      } else ack(msg.id);
    } else if (msg.t === 'end' && p.kind === 'stream') {
      pending.delete(msg.id);
      p.handlers.onEnd?.(msg.error);
    }
  };

  const failAll = () => {
    closed = true;
    const lost: ContractErrorData = { code: 'unreachable', message: 'Connection to Pilothouse core closed' };
    for (const [id, p] of pending) {
      pending.delete(id);
      if (p.kind === 'call') p.reject(new ContractError(lost));
      else p.handlers.onEnd?.(lost);
    }
  };

  const offMessage = port.onMessage(onMessage);
  const offClose = port.onClose(failAll);

  const open = <P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: StreamHandlers<E>): StreamSession => {
    const id = nextId++;
    if (closed) {
      handlers.onEnd?.({ code: 'unreachable', message: 'Connection closed' });
      return { send: () => {}, close: () => {} };
    }
    pending.set(id, { kind: 'stream', handlers: handlers as StreamHandlers<unknown> });
    port.send({ t: 'sub', id, ch: descriptor.name, params });
    return {
      send(data) {
        if (closed || !pending.has(id)) return;
        for (let at = 0; at < data.byteLength; at += MAX_BYTES_CHUNK) {
          port.send({ t: 'bytes', id, data: data.subarray(at, at + MAX_BYTES_CHUNK) });
        }
      },
      close() {
        if (pending.delete(id) && !closed) port.send({ t: 'unsub', id });
      },
    };
  };

  return {
    call(descriptor, req, options) {
      return new Promise((resolve, reject) => {
        if (closed) return reject(new ContractError({ code: 'unreachable', message: 'Connection closed' }));
        if (options?.signal?.aborted) return reject(new ContractError({ code: 'cancelled', message: 'Cancelled' }));
        const id = nextId++;
        pending.set(id, { kind: 'call', resolve: resolve as (v: unknown) => void, reject });
        options?.signal?.addEventListener(
          'abort',
          () => {
            if (!pending.delete(id)) return;
            port.send({ t: 'cancel', id });
            reject(new ContractError({ code: 'cancelled', message: 'Cancelled' }));
          },
          { once: true },
        );
        port.send({ t: 'call', id, ch: descriptor.name, req });
      });
    },
    subscribe(descriptor, params, handlers) {
      const session = open(descriptor, params, handlers);
      return () => session.close();
    },
    open,
    close() {
      offMessage();
      offClose();
      failAll();
    },
  };
}
