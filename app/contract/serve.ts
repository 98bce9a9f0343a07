/**
 * Serves a contract's handlers over one port. Both transports (IPC, WebSocket) and the
 * in-memory test pair go through here, so they behave identically.
 *
 * Each port is one connection: a Peer whose sessions close with it. Each stream may run at
 * most `window` messages (events and bytes) ahead of the caller's acknowledgements; producers
 * that can wait await `ctx.drained()`, so a slow consumer slows them down end to end.
 */
import type { AnyDescriptor, HandlersFor, StreamContext } from './descriptor';
import { toErrorData } from './errors';
import { MAX_BYTES_CHUNK, parseClientMessage, type ServerPort } from './protocol';
import { createPeer } from './sessions';

/** Messages a stream may have in flight unacknowledged (a list page is one message). */
export const STREAM_WINDOW = 8;

export interface ServeOptions {
  window?: number;
}

interface RunningStream {
  controller: AbortController;
  unacked: number;
  waiters: Array<() => void>;
  bytesListener?: (data: Uint8Array) => void;
}

export function serveContract<C extends Record<string, AnyDescriptor>>(
  contract: C,
  handlers: HandlersFor<C>,
  port: ServerPort,
  options: ServeOptions = {},
): () => void {
  const window = options.window ?? STREAM_WINDOW;
  const byName = new Map<string, { descriptor: AnyDescriptor; handler: unknown }>();
  for (const key of Object.keys(contract)) {
    byName.set(contract[key].name, { descriptor: contract[key], handler: handlers[key] });
  }
  const peer = createPeer();
  const running = new Map<number, AbortController>();
  const streams = new Map<number, RunningStream>();

  const wakeAll = (s: RunningStream) => {
    for (const w of s.waiters.splice(0)) w();
  };
  const finish = (id: number) => {
    running.delete(id);
    const s = streams.get(id);
    if (!s) return;
    streams.delete(id);
    wakeAll(s); // A producer waiting for room learns the stream is gone (its signal is aborted).
  };

  const onMessage = (raw: unknown) => {
    const msg = parseClientMessage(raw);
    if (!msg) return; // Untrusted input: ignore what is not a valid envelope.
    if (msg.t === 'ack') {
      const s = streams.get(msg.id);
      if (!s) return;
      s.unacked = Math.max(0, s.unacked - msg.n);
      if (s.unacked < window) wakeAll(s);
      return;
    }
    if (msg.t === 'bytes') {
      streams.get(msg.id)?.bytesListener?.(msg.data);
      return;
    }
    if (msg.t === 'cancel' || msg.t === 'unsub') {
      running.get(msg.id)?.abort();
      finish(msg.id);
      if (msg.t === 'unsub') port.send({ t: 'end', id: msg.id });
      return;
    }
    if (running.has(msg.id)) return;
    const entry = byName.get(msg.ch);
    const expected = msg.t === 'call' ? 'call' : 'stream';
    if (!entry || entry.descriptor.kind !== expected) {
      const error = { code: 'bad-request' as const, message: `Unknown ${expected} channel: ${msg.ch}` };
      port.send(msg.t === 'call' ? { t: 'result', id: msg.id, ok: false, error } : { t: 'end', id: msg.id, error });
      return;
    }
    const controller = new AbortController();
    running.set(msg.id, controller);
    if (msg.t === 'call') {
      const ctx = { signal: controller.signal, peer };
      const handler = entry.handler as (req: unknown, c: typeof ctx) => Promise<unknown>;
      Promise.resolve()
        .then(() => handler(msg.req, ctx))
        .then(
          (res) => {
            if (!controller.signal.aborted) port.send({ t: 'result', id: msg.id, ok: true, res });
          },
          (err) => {
            if (!controller.signal.aborted) port.send({ t: 'result', id: msg.id, ok: false, error: toErrorData(err) });
          },
        )
        .finally(() => finish(msg.id));
      return;
    }
    startStream(msg.id, msg.params, entry.handler, controller);
  };

  const startStream = (id: number, params: unknown, handlerFn: unknown, controller: AbortController) => {
    const stream: RunningStream = { controller, unacked: 0, waiters: [] };
    streams.set(id, stream);
    const live = () => !controller.signal.aborted;
    const drained = (): Promise<void> =>
      !live() || stream.unacked < window ? Promise.resolve() : new Promise<void>((resolve) => stream.waiters.push(resolve));
    const emit = (ev: unknown) => {
      if (!live()) return;
      stream.unacked++;
      port.send({ t: 'event', id, ev });
    };
    const ctx: StreamContext = {
      signal: controller.signal,
      peer,
      drained,
      async sendBytes(data) {
        for (let at = 0; at < data.byteLength && live(); at += MAX_BYTES_CHUNK) {
          await drained();
          if (!live()) return;
          stream.unacked++;
          port.send({ t: 'bytes', id, data: data.subarray(at, at + MAX_BYTES_CHUNK) });
        }
        await drained();
      },
      onBytes(listener) {
        stream.bytesListener = listener;
      },
      end() {
        if (!live()) return;
        controller.abort();
        finish(id);
        port.send({ t: 'end', id });
      },
    };
    const handler = handlerFn as (p: unknown, e: typeof emit, c: StreamContext) => void | (() => void) | Promise<void | (() => void)>;
    Promise.resolve()
      .then(() => handler(params, emit, ctx))
      .then(
        (cleanup) => {
          if (typeof cleanup !== 'function') return;
          if (controller.signal.aborted) cleanup();
          else controller.signal.addEventListener('abort', () => cleanup(), { once: true });
        },
        (err) => {
          if (controller.signal.aborted) return;
          controller.abort();
          finish(id);
          port.send({ t: 'end', id, error: toErrorData(err) });
        },
      );
  };

  const offMessage = port.onMessage(onMessage);
  const stopAll = () => {
    for (const c of running.values()) c.abort();
    for (const id of [...streams.keys()]) finish(id);
    running.clear();
    peer.closeAll();
  };
  const offClose = port.onClose(stopAll);
  return () => {
    offMessage();
    offClose();
    stopAll();
  };
}
