/**
 * One ContractClient for the whole app that survives a dropped transport.
 *
 * The contract client fails every pending call and stream when its port closes and cannot be
 * reused, so this wrapper owns a factory of ports: when the port drops it reports
 * "reconnecting" (with attempt and next retry time), reconnects with exponential backoff and
 * jitter, builds a fresh contract client and re-subscribes every stream that is still wanted,
 * with the same handlers. Stream handlers therefore never see the transport drop as an end;
 * they get `onInterrupted` instead so views can mark their data stale (never blank it).
 *
 * Sessions (`open`: exec, port-forward) are different: they belong to the connection that
 * opened them, and main ends them when it goes. They are never re-opened behind the user's
 * back; a drop ends them with `unreachable`, and the view offers to reconnect.
 */
import { createContractClient, type CallOptions, type ContractClient, type StreamHandlers, type StreamSession } from '../../app/contract/client';
import type { CallDescriptor, StreamDescriptor } from '../../app/contract/descriptor';
import { ContractError } from '../../app/contract/errors';
import type { ClientPort } from '../../app/contract/protocol';
import { backoffDelay } from '../../app/watch/backoff';

export type CoreConnectionState =
  | { state: 'connecting'; since: number }
  | { state: 'connected'; since: number }
  | { state: 'reconnecting'; since: number; attempt: number; nextRetryAt: number };

/** A port and a promise that settles when it is usable (IPC ports are usable at once). */
export interface OpenedPort {
  port: ClientPort;
  opened: Promise<void>;
}

export interface ResilientHandlers<E> extends StreamHandlers<E> {
  /** The transport dropped; the stream will be re-subscribed after reconnecting. */
  onInterrupted?: () => void;
}

export interface ResilientClient extends ContractClient {
  subscribe<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: ResilientHandlers<E>): () => void;
  connection(): CoreConnectionState;
  onConnectionChange(listener: (state: CoreConnectionState) => void): () => void;
}

export interface ResilientOptions {
  openPort: () => OpenedPort;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** First retry delay and cap, in ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

interface Subscription {
  descriptor: StreamDescriptor<unknown, unknown>;
  params: unknown;
  handlers: ResilientHandlers<unknown>;
  unsubscribe?: () => void;
}

export function createResilientClient(options: ResilientOptions): ResilientClient {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const baseDelay = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 10_000;

  const subscriptions = new Set<Subscription>();
  const listeners = new Set<(s: CoreConnectionState) => void>();
  let state: CoreConnectionState = { state: 'connecting', since: now() };
  let client: ContractClient | undefined;
  let attempt = 0;
  let retryTimer: unknown;
  let closedForGood = false;

  const setState = (next: CoreConnectionState) => {
    state = next;
    for (const l of listeners) l(next);
  };

  const attach = (sub: Subscription) => {
    if (!client) return;
    sub.unsubscribe = client.subscribe(sub.descriptor, sub.params, {
      onEvent: (ev) => sub.handlers.onEvent(ev),
      onBytes: sub.handlers.onBytes,
      onEnd: (error) => {
        if (transportDown) return; // The transport dropped: we re-subscribe, the view keeps its data.
        subscriptions.delete(sub);
        sub.handlers.onEnd?.(error);
      },
    });
  };

  let transportDown = false;

  const connect = () => {
    if (closedForGood) return;
    const { port, opened } = options.openPort();
    transportDown = false;
    // Registered before the contract client's own close listener, so streams ending because
    // of the drop are recognised as interruptions (see attach).
    port.onClose(() => {
      if (closedForGood) return;
      transportDown = true;
      client = undefined;
      for (const sub of subscriptions) {
        sub.unsubscribe = undefined;
        sub.handlers.onInterrupted?.();
      }
      scheduleRetry();
    });
    const next = createContractClient(port);
    client = next;
    for (const sub of subscriptions) attach(sub);
    opened.then(
      () => {
        if (client !== next) return;
        attempt = 0;
        setState({ state: 'connected', since: now() });
      },
      () => {
        // The port's close listener schedules the retry.
      },
    );
  };

  const scheduleRetry = () => {
    attempt += 1;
    const delay = backoffDelay(attempt, { baseMs: baseDelay, maxMs: maxDelay, random });
    setState({ state: 'reconnecting', since: state.state === 'reconnecting' ? state.since : now(), attempt, nextRetryAt: now() + delay });
    retryTimer = setTimer(() => {
      retryTimer = undefined;
      connect();
    }, delay);
  };

  connect();

  return {
    call<Req, Res>(descriptor: CallDescriptor<Req, Res>, req: Req, callOptions?: CallOptions): Promise<Res> {
      if (!client) {
        return Promise.reject(new ContractError({ code: 'unreachable', message: 'Pilothouse core is reconnecting' }));
      }
      return client.call(descriptor, req, callOptions);
    },
    open<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: StreamHandlers<E>): StreamSession {
      if (!client) {
        handlers.onEnd?.({ code: 'unreachable', message: 'Pilothouse core is reconnecting' });
        return { send: () => {}, close: () => {} };
      }
      return client.open(descriptor, params, handlers);
    },
    subscribe<P, E>(descriptor: StreamDescriptor<P, E>, params: P, handlers: ResilientHandlers<E>) {
      const sub: Subscription = {
        descriptor: descriptor as StreamDescriptor<unknown, unknown>,
        params,
        handlers: handlers as ResilientHandlers<unknown>,
      };
      subscriptions.add(sub);
      attach(sub);
      return () => {
        subscriptions.delete(sub);
        sub.unsubscribe?.();
        sub.unsubscribe = undefined;
      };
    },
    close() {
      closedForGood = true;
      if (retryTimer !== undefined) clearTimer(retryTimer);
      subscriptions.clear();
      client?.close();
      client = undefined;
    },
    connection: () => state,
    onConnectionChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
