/**
 * The SPDY/3.1 session driven by a hand-written client over an in-memory byte pair: header blocks
 * through one shared zlib context per direction (with the SPDY/3 dictionary), SYN_REPLY, DATA
 * both ways with FIN, PING echo, RST_STREAM for invalid streams. kubectl covers the same ground
 * end to end (portForward.kubectl.test.ts); this pins the framing down byte by byte.
 */
import { createRequire } from 'node:module';
import { Duplex, PassThrough } from 'node:stream';
import { constants as zc, createDeflate, createInflate, type Deflate, type Inflate } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serveHttpStreams } from './httpStreams';
import { SpdySession, controlFrame, dataFrame, decodeHeaderBlock, encodeHeaderBlock, FrameType } from './spdy';

const DICTIONARY = (createRequire(import.meta.url)('spdy-transport/lib/spdy-transport/protocol/spdy/dictionary.js') as Record<string, Buffer>)['3'];

/** Two PassThroughs crossed into a pair of Duplexes. */
function pair(): [Duplex, Duplex] {
  const a = new PassThrough();
  const b = new PassThrough();
  const ends: [Duplex, Duplex] = [Duplex.from({ readable: a, writable: b }), Duplex.from({ readable: b, writable: a })];
  // Closing the session destroys its end; Duplex.from reports that as an AbortError on both.
  for (const end of ends) end.on('error', () => undefined);
  return ends;
}

interface Frame {
  control: boolean;
  type: number;
  flags: number;
  streamId: number;
  payload: Buffer;
}

/** A minimal SPDY client: its own zlib contexts, frames parsed off the wire as they arrive. */
class Client {
  frames: Frame[] = [];
  private buf = Buffer.alloc(0);
  private deflate = createDeflate({ dictionary: DICTIONARY });
  private inflate = createInflate({ dictionary: DICTIONARY });
  constructor(private wire: Duplex) {
    wire.on('data', (c: Buffer) => {
      this.buf = Buffer.concat([this.buf, c]);
      while (this.buf.length >= 8 && this.buf.length >= 8 + (this.buf.readUInt32BE(4) & 0xffffff)) {
        const len = this.buf.readUInt32BE(4) & 0xffffff;
        const f = this.buf.subarray(0, 8 + len);
        this.buf = this.buf.subarray(8 + len);
        const control = (f[0] & 0x80) !== 0;
        const payload = f.subarray(8);
        this.frames.push({ control, type: control ? f.readUInt16BE(2) : 0, flags: f[4], streamId: control ? (payload.length >= 4 ? payload.readUInt32BE(0) & 0x7fffffff : 0) : f.readUInt32BE(0), payload });
      }
    });
  }

  private zlib(z: Deflate | Inflate, input: Buffer): Promise<Buffer> {
    return new Promise((resolve) => {
      const out: Buffer[] = [];
      const onData = (c: Buffer) => out.push(c);
      z.on('data', onData);
      z.write(input);
      z.flush(zc.Z_SYNC_FLUSH, () => {
        z.off('data', onData);
        resolve(Buffer.concat(out));
      });
    });
  }

  async synStream(id: number, headers: Record<string, string>, flags = 0): Promise<void> {
    const head = Buffer.alloc(10);
    head.writeUInt32BE(id, 0);
    const block = await this.zlib(this.deflate, encodeHeaderBlock(headers));
    this.wire.write(controlFrame(FrameType.synStream, flags, Buffer.concat([head, block])));
  }

  async replyHeaders(frame: Frame): Promise<Record<string, string>> {
    return decodeHeaderBlock(await this.zlib(this.inflate, frame.payload.subarray(4)));
  }

  async waitFor(pred: (f: Frame) => boolean): Promise<Frame> {
    for (let i = 0; i < 200; i++) {
      const hit = this.frames.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('frame did not arrive');
  }
}

describe('SpdySession', () => {
  it('accepts streams with a SYN_REPLY, carries DATA both ways and answers PINGs', async () => {
    const [server, wire] = pair();
    const session = new SpdySession(server);
    const client = new Client(wire);
    const got: Buffer[] = [];
    session.on('stream', (s) => {
      expect(s.headers).toEqual({ streamtype: 'data', port: '8080', requestid: '0' });
      void s.accept().then(() => s.write('from server'));
      s.on('data', (c: Buffer) => got.push(c));
      s.on('end', () => s.end());
    });
    await client.synStream(1, { streamType: 'data', port: '8080', requestID: '0' });
    const reply = await client.waitFor((f) => f.control && f.type === FrameType.synReply);
    expect(reply.streamId).toBe(1);
    expect(await client.replyHeaders(reply)).toEqual({});
    const data = await client.waitFor((f) => !f.control && f.payload.length > 0);
    expect(data.payload.toString()).toBe('from server');

    wire.write(dataFrame(1, 0, Buffer.from('from client')));
    wire.write(dataFrame(1, 0x01, Buffer.alloc(0)));
    const fin = await client.waitFor((f) => !f.control && (f.flags & 1) === 1);
    expect(fin.streamId).toBe(1);
    expect(Buffer.concat(got).toString()).toBe('from client');

    const ping = Buffer.alloc(4);
    ping.writeUInt32BE(7);
    wire.write(controlFrame(FrameType.ping, 0, ping));
    const pong = await client.waitFor((f) => f.control && f.type === FrameType.ping);
    expect(pong.payload.readUInt32BE(0)).toBe(7);

    // A second stream's headers decompress in the same zlib context.
    await client.synStream(3, { streamType: 'data', port: '8080', requestID: '0' });
    await client.waitFor((f) => f.control && f.type === FrameType.synReply && f.streamId === 3);
    session.close();
  });

  it('pairs error and data streams, refuses invalid ones, and writes failures on the error stream', async () => {
    const [server, wire] = pair();
    const session = new SpdySession(server);
    const client = new Client(wire);
    serveHttpStreams(session, (port) => `nothing listens on ${port}`);
    await client.synStream(1, { streamType: 'error', port: '9999', requestID: '0' }, 0x01);
    await client.synStream(3, { streamType: 'data', port: '9999', requestID: '0' });
    await client.synStream(5, { streamType: 'data', port: 'http', requestID: '1' });
    const rst = await client.waitFor((f) => f.control && f.type === FrameType.rstStream);
    expect(rst.streamId).toBe(5);
    expect(rst.payload.readUInt32BE(4)).toBe(3); // REFUSED_STREAM
    const message = await client.waitFor((f) => !f.control && f.streamId === 1 && f.payload.length > 0);
    expect(message.payload.toString()).toBe('nothing listens on 9999');
    await client.waitFor((f) => !f.control && f.streamId === 1 && (f.flags & 1) === 1);
    await client.waitFor((f) => !f.control && f.streamId === 3 && (f.flags & 1) === 1);
    session.close();
  });
});
