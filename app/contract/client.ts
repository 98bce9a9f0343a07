/**
 * The caller's side of the contract: typed `call` and `subscribe` over any client port.
 * The renderer's bridge and the tests use this; it knows nothing of the transport.
 */
import type { CallDescriptor, StreamDescriptor } from './descriptor';
import { ContractError, type ContractErrorData } from './errors';
import type { ClientPort, ServerMessage } from './protocol';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface StreamHandlers<E> {
  onEvent: (event: E) => void;
  /** The stream ended: by the server, with an error, or because the transport closed. */
  onEnd?: (error?: ContractErrorData) => void;
}

export interface ContractClient {
  call<Req, Res>(descriptor: CallDescriptor<Req, Res>, req: Req, options?: CallOptions): Promise<Res>;
  subscribe<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: StreamHandlers<E>): () => void;
  close(): void;
}

type Pending =
  | { kind: 'call'; resolve: (v: unknown) => void; reject: (e: unknown) => void }
  | { kind: 'stream'; handlers: StreamHandlers<unknown> };

export function createContractClient(port: ClientPort): ContractClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let closed = false;

  const onMessage = (msg: ServerMessage) => {
    const p = pending.get(msg.id);
    if (!p) return;
    if (msg.t === 'result' && p.kind === 'call') {
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.res);
      else p.reject(new ContractError(msg.error));
    } else if (msg.t === 'event' && p.kind === 'stream') {
      p.handlers.onEvent(msg.ev);
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
      const id = nextId++;
      if (closed) {
        handlers.onEnd?.({ code: 'unreachable', message: 'Connection closed' });
        return () => {};
      }
      pending.set(id, { kind: 'stream', handlers: handlers as StreamHandlers<unknown> });
      port.send({ t: 'sub', id, ch: descriptor.name, params });
      return () => {
        if (pending.delete(id) && !closed) port.send({ t: 'unsub', id });
      };
    },
    close() {
      offMessage();
      offClose();
      failAll();
    },
  };
}
