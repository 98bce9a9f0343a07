/**
 * Serves a contract's handlers over one port. Both transports (IPC, WebSocket) and the
 * in-memory test pair go through here, so they behave identically.
 */
import type { AnyDescriptor, HandlersFor } from './descriptor';
import { toErrorData } from './errors';
import { parseClientMessage, type ServerPort } from './protocol';

export function serveContract<C extends Record<string, AnyDescriptor>>(
  contract: C,
  handlers: HandlersFor<C>,
  port: ServerPort,
): () => void {
  const byName = new Map<string, { descriptor: AnyDescriptor; handler: unknown }>();
  for (const key of Object.keys(contract)) {
    byName.set(contract[key].name, { descriptor: contract[key], handler: handlers[key] });
  }
  const running = new Map<number, AbortController>();

  const finish = (id: number) => running.delete(id);

  const onMessage = (raw: unknown) => {
    const msg = parseClientMessage(raw);
    if (!msg) return; // Untrusted input: ignore what is not a valid envelope.
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
    const ctx = { signal: controller.signal };
    if (msg.t === 'call') {
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
    const handler = entry.handler as (
      params: unknown,
      emit: (ev: unknown) => void,
      c: typeof ctx,
    ) => void | (() => void) | Promise<void | (() => void)>;
    const emit = (ev: unknown) => {
      if (!controller.signal.aborted) port.send({ t: 'event', id: msg.id, ev });
    };
    Promise.resolve()
      .then(() => handler(msg.params, emit, ctx))
      .then(
        (cleanup) => {
          if (typeof cleanup !== 'function') return;
          if (controller.signal.aborted) cleanup();
          else controller.signal.addEventListener('abort', () => cleanup(), { once: true });
        },
        (err) => {
          if (controller.signal.aborted) return;
          controller.abort();
          finish(msg.id);
          port.send({ t: 'end', id: msg.id, error: toErrorData(err) });
        },
      );
  };

  const offMessage = port.onMessage(onMessage);
  const stopAll = () => {
    for (const c of running.values()) c.abort();
    running.clear();
  };
  const offClose = port.onClose(stopAll);
  return () => {
    offMessage();
    offClose();
    stopAll();
  };
}
