/**
 * Channel descriptors: the two primitives that cross the main↔renderer boundary.
 * A descriptor carries its request/response (or params/event) types at the type level only,
 * so that handlers in main and callers in the renderer are checked against the same shape.
 */
import type { Peer } from './sessions';

export interface CallDescriptor<Req, Res> {
  readonly kind: 'call';
  readonly name: string;
  /** Phantom fields: never set at run time, they only carry the types. */
  readonly __req?: Req;
  readonly __res?: Res;
}

export interface StreamDescriptor<Params, Event> {
  readonly kind: 'stream';
  readonly name: string;
  readonly __params?: Params;
  readonly __event?: Event;
}

export type AnyDescriptor = CallDescriptor<any, any> | StreamDescriptor<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineCall<Req, Res>(name: string): CallDescriptor<Req, Res> {
  return { kind: 'call', name };
}

export function defineStream<Params, Event>(name: string): StreamDescriptor<Params, Event> {
  return { kind: 'stream', name };
}

export type RequestOf<D> = D extends CallDescriptor<infer Req, unknown> ? Req : never;
export type ResponseOf<D> = D extends CallDescriptor<unknown, infer Res> ? Res : never;
export type ParamsOf<D> = D extends StreamDescriptor<infer P, unknown> ? P : never;
export type EventOf<D> = D extends StreamDescriptor<unknown, infer E> ? E : never;

/** What a handler in main receives besides its request. */
export interface HandlerContext {
  /** Aborted when the caller cancels or the transport closes. */
  signal: AbortSignal;
  /** The connection the request came on, with the sessions it owns. */
  peer: Peer;
}

/** What a stream handler receives besides its params and `emit`. */
export interface StreamContext extends HandlerContext {
  /**
   * Resolves once the caller has consumed enough of what was sent that the stream is inside
   * its window again (at once if it is), or when the stream ends. Producers that can wait
   * (list pages, log and terminal bytes) await it between messages: backpressure, not a queue.
   */
  drained(): Promise<void>;
  /** Sends bytes on the stream (split into chunks as needed), then waits like `drained`. */
  sendBytes(data: Uint8Array): Promise<void>;
  /** Receives the bytes the caller writes into this stream (a session's input). */
  onBytes(listener: (data: Uint8Array) => void): void;
  /** Ends the stream normally (e.g. a session whose process exited); the caller gets `onEnd()`. */
  end(): void;
}

export type CallHandler<D> = (req: RequestOf<D>, ctx: HandlerContext) => Promise<ResponseOf<D>>;

/**
 * A stream handler starts producing events and returns when set up; it stops when
 * `ctx.signal` aborts. Returning a cleanup function is allowed as a convenience.
 */
export type StreamHandler<D> = (
  params: ParamsOf<D>,
  emit: (event: EventOf<D>) => void,
  ctx: StreamContext,
) => void | (() => void) | Promise<void | (() => void)>;

/** One handler per descriptor of a contract; a missing or mistyped one fails the type-check. */
export type HandlersFor<C extends Record<string, AnyDescriptor>> = {
  [K in keyof C]: C[K] extends CallDescriptor<unknown, unknown>
    ? CallHandler<C[K]>
    : C[K] extends StreamDescriptor<unknown, unknown>
      ? StreamHandler<C[K]>
      : never;
};
