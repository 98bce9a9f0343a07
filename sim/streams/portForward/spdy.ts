/**
 * The server side of SPDY/3.1 as Kubernetes' `httpstream` uses it (moby/spdystream): the client
 * opens streams with SYN_STREAM carrying plain key/value headers, the server accepts each with a
 * SYN_REPLY, then both sides send DATA frames and half-close with FIN. kubectl speaks it over a
 * raw upgraded connection (`Upgrade: SPDY/3.1`) or tunnelled inside a WebSocket
 * (`SPDY/3.1+portforward.k8s.io`); either way this runs over a byte Duplex.
 *
 * Written here rather than with npm `spdy-transport` because that library is built for HTTP over
 * SPDY: it adds `:status`/`:version` headers and enforces SPDY/3.1 flow-control windows that
 * spdystream never replenishes (it ignores WINDOW_UPDATE and SETTINGS), so responses over 64 KiB
 * would stall. We take only its SPDY/3 header-compression dictionary (a constant of the spec).
 */
import { EventEmitter } from 'node:events';
import { Duplex } from 'node:stream';
import { constants as zc, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
// A static import (not createRequire) so that bundlers see it: the Electron main bundle carries
// the simulator for the demo cluster and runs where node_modules is not beside it.
import dictionaries from 'spdy-transport/lib/spdy-transport/protocol/spdy/dictionary.js';

/** The SPDY/3 zlib dictionary (spec section 2.6.10.1), as spdy-transport ships it. */
const DICTIONARY = dictionaries[3];

const VERSION = 3;
export const FrameType = { synStream: 1, synReply: 2, rstStream: 3, settings: 4, ping: 6, goAway: 7, headers: 8, windowUpdate: 9 } as const;
const FLAG_FIN = 0x01;
/** RST_STREAM status codes used here. */
export const RstStatus = { protocolError: 1, refusedStream: 3, cancel: 5 } as const;
const MAX_DATA_CHUNK = 32 * 1024;
let nextSessionId = 0xc0000100;

/** One zlib stream per direction and connection, flushed after every header block (Z_SYNC_FLUSH). */
class HeaderCodec {
  private out: Buffer[] = [];
  constructor(private z: Inflate | Deflate) {
    z.on('data', (c: Buffer) => this.out.push(c));
  }

  process(input: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const onError = (err: Error) => reject(err);
      this.z.once('error', onError);
      this.z.write(input);
      this.z.flush(zc.Z_SYNC_FLUSH, () => {
        this.z.off('error', onError);
        const result = Buffer.concat(this.out);
        this.out = [];
        resolve(result);
      });
    });
  }

  close(): void {
    this.z.destroy();
  }
}

export function encodeHeaderBlock(headers: Record<string, string>): Buffer {
  const parts: Buffer[] = [];
  const count = Buffer.alloc(4);
  const entries = Object.entries(headers);
  count.writeUInt32BE(entries.length);
  parts.push(count);
  for (const [name, value] of entries) {
    for (const s of [name.toLowerCase(), value]) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(Buffer.byteLength(s));
      parts.push(len, Buffer.from(s));
    }
  }
  return Buffer.concat(parts);
}

/** Parses a decompressed SPDY/3 header block; names lowercased, multiple values NUL-joined as sent. */
export function decodeHeaderBlock(block: Buffer): Record<string, string> {
  const headers: Record<string, string> = {};
  let at = 0;
  const read = (): string => {
    if (at + 4 > block.length) throw new Error('truncated header block');
    const len = block.readUInt32BE(at);
    at += 4;
    if (at + len > block.length) throw new Error('truncated header block');
    const s = block.toString('utf8', at, at + len);
    at += len;
    return s;
  };
  if (block.length < 4) throw new Error('truncated header block');
  const count = block.readUInt32BE(0);
  at = 4;
  for (let i = 0; i < count; i++) {
    const name = read().toLowerCase();
    headers[name] = read();
  }
  return headers;
}

export function controlFrame(type: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt16BE(0x8000 | VERSION, 0);
  head.writeUInt16BE(type, 2);
  head.writeUInt32BE(payload.length, 4);
  head[4] = flags;
  return Buffer.concat([head, payload]);
}

export function dataFrame(streamId: number, flags: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(streamId & 0x7fffffff, 0);
  head.writeUInt32BE(payload.length, 4);
  head[4] = flags;
  return Buffer.concat([head, payload]);
}

/** A stream opened by the client: readable = its DATA, writable = our DATA, end() = our FIN. */
export class SpdyStream extends Duplex {
  replied = false;
  constructor(
    readonly id: number,
    readonly headers: Record<string, string>,
    private session: SpdySession,
  ) {
    super({ allowHalfOpen: true });
    // A write error only means the session is gone; never let it become an uncaught 'error'.
    this.on('error', () => this.destroy());
  }

  /** Sends the SYN_REPLY (no headers, like kubelet); resolves once it is on the wire. */
  accept(): Promise<void> {
    this.replied = true;
    return this.session.reply(this.id);
  }

  /** RST_STREAM: abandons the stream in both directions. */
  reset(status: number = RstStatus.cancel): void {
    this.session.rst(this.id, status);
    this.destroy();
  }

  override _read(): void {
    // Data is pushed as frames arrive; SPDY as spdystream speaks it has no flow control to apply.
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.session.sendData(this.id, chunk, false, cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    this.session.sendData(this.id, Buffer.alloc(0), true, cb);
  }

  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    this.session.forget(this.id);
    cb(err);
  }
}

export interface SpdySessionEvents {
  stream: [SpdyStream];
  close: [];
}

/**
 * A server-side SPDY/3.1 session over `transport`. Emits 'stream' for every SYN_STREAM (accept
 * or reset it), answers PINGs, and closes when the transport ends or on GOAWAY once no stream is
 * left. Frames are handled strictly in arrival order (header blocks share one zlib context).
 */
export class SpdySession extends EventEmitter<SpdySessionEvents> {
  private buffer: Buffer = Buffer.alloc(0);
  private queue: Promise<void> = Promise.resolve();
  private streams = new Map<number, SpdyStream>();
  private inflater = new HeaderCodec(createInflate({ dictionary: DICTIONARY }));
  private deflater = new HeaderCodec(createDeflate({ dictionary: DICTIONARY }));
  private writeQueue: Promise<void> = Promise.resolve();
  private goneAway = false;
  private closed = false;
  /** For log-style messages (kubelet prints its connection object there). */
  readonly id = `0x${(nextSessionId++).toString(16).padStart(8, '0')}`;

  constructor(private transport: Duplex) {
    super();
    transport.on('data', (chunk: Buffer) => this.onBytes(chunk));
    transport.on('end', () => this.close());
    transport.on('close', () => this.close());
    transport.on('error', () => this.close());
  }

  /** Ends the session: open streams are destroyed and the transport closed. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const s of [...this.streams.values()]) s.destroy();
    this.streams.clear();
    this.inflater.close();
    this.deflater.close();
    this.transport.destroy();
    this.emit('close');
  }

  /** Sends GOAWAY (status OK) and closes. */
  goAway(): void {
    if (this.closed) return;
    const payload = Buffer.alloc(8);
    payload.writeUInt32BE(Math.max(0, ...this.streams.keys()) & 0x7fffffff, 0);
    this.write(controlFrame(FrameType.goAway, 0, payload));
    this.transport.end();
    this.close();
  }

  reply(id: number): Promise<void> {
    // Compression and the write happen in one ordered step so the client's inflater sees the
    // blocks in the order they were deflated.
    const done = this.writeQueue.then(async () => {
      if (this.closed) return;
      const block = await this.deflater.process(encodeHeaderBlock({}));
      const payload = Buffer.alloc(4);
      payload.writeUInt32BE(id & 0x7fffffff);
      this.transport.write(controlFrame(FrameType.synReply, 0, Buffer.concat([payload, block])));
    });
    this.writeQueue = done.catch(() => undefined);
    return done;
  }

  rst(id: number, status: number): void {
    const payload = Buffer.alloc(8);
    payload.writeUInt32BE(id & 0x7fffffff, 0);
    payload.writeUInt32BE(status, 4);
    this.write(controlFrame(FrameType.rstStream, 0, payload));
    this.forget(id);
  }

  sendData(id: number, data: Buffer, fin: boolean, cb: (err?: Error | null) => void): void {
    if (this.closed) return cb(new Error('spdy session closed'));
    const frames: Buffer[] = [];
    for (let at = 0; at < data.length; at += MAX_DATA_CHUNK) frames.push(dataFrame(id, 0, data.subarray(at, at + MAX_DATA_CHUNK)));
    if (fin) frames.push(dataFrame(id, FLAG_FIN, Buffer.alloc(0)));
    this.write(Buffer.concat(frames), cb);
  }

  forget(id: number): void {
    this.streams.delete(id);
    if (this.goneAway && this.streams.size === 0) this.close();
  }

  private write(bytes: Buffer, cb?: (err?: Error | null) => void): void {
    // Behind any pending SYN_REPLY, so a stream's DATA never overtakes its reply.
    const step = this.writeQueue.then(
      () =>
        new Promise<void>((resolve) => {
          if (this.closed) {
            cb?.(new Error('spdy session closed'));
            return resolve();
          }
          this.transport.write(bytes, (err) => {
            cb?.(err);
            resolve();
          });
        }),
    );
    this.writeQueue = step;
  }

  private onBytes(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    while (this.buffer.length >= 8) {
      const length = this.buffer.readUInt32BE(4) & 0xffffff;
      if (this.buffer.length < 8 + length) break;
      const frame = this.buffer.subarray(0, 8 + length);
      this.buffer = this.buffer.subarray(8 + length);
      this.queue = this.queue.then(() => this.onFrame(frame)).catch(() => this.close());
    }
  }

  private async onFrame(frame: Buffer): Promise<void> {
    if (this.closed) return;
    const flags = frame[4];
    const payload = frame.subarray(8);
    if ((frame[0] & 0x80) === 0) {
      const stream = this.streams.get(frame.readUInt32BE(0) & 0x7fffffff);
      if (!stream) return;
      if (payload.length > 0) stream.push(Buffer.from(payload));
      if (flags & FLAG_FIN) stream.push(null);
      return;
    }
    const version = frame.readUInt16BE(0) & 0x7fff;
    if (version !== VERSION) throw new Error(`unsupported SPDY version ${version}`);
    switch (frame.readUInt16BE(2)) {
      case FrameType.synStream: {
        const id = payload.readUInt32BE(0) & 0x7fffffff;
        // Every block must go through the inflater, even for a stream we then refuse.
        const headers = decodeHeaderBlock(await this.inflater.process(payload.subarray(10)));
        if (this.goneAway || id % 2 === 0 || this.streams.has(id)) {
          this.rst(id, RstStatus.protocolError);
          return;
        }
        const stream = new SpdyStream(id, headers, this);
        this.streams.set(id, stream);
        if (flags & FLAG_FIN) stream.push(null);
        this.emit('stream', stream);
        return;
      }
      case FrameType.rstStream: {
        this.streams.get(payload.readUInt32BE(0) & 0x7fffffff)?.destroy();
        return;
      }
      case FrameType.ping:
        // Client pings carry odd ids; echo them back unchanged.
        this.write(frame);
        return;
      case FrameType.goAway:
        this.goneAway = true;
        if (this.streams.size === 0) this.close();
        return;
      case FrameType.headers:
        // Decompress to keep the shared zlib context in step; the headers themselves are unused.
        await this.inflater.process(payload.subarray(4));
        return;
      default:
        // SETTINGS, WINDOW_UPDATE, …: spdystream neither needs nor honours them.
        return;
    }
  }
}
