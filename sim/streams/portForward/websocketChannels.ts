/**
 * The kubelet's WebSocket port-forward protocol (pkg/kubelet/cri/streaming/portforward/
 * websocket.go), what `@kubernetes/client-node`'s PortForward and browser clients use: the ports
 * come from the `ports` query, each gets a data channel 2i and an error channel 2i+1, every
 * message starts with its channel byte, and the server's first message on each channel is the
 * port as an unsigned 16-bit little-endian number. One connection per port for the socket's life.
 */
import { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { ForwardFn } from './httpStreams';

/** Subprotocols the kubelet accepts for it (binary; the base64 variant is not simulated). */
export const CHANNEL_PROTOCOLS = ['v4.channel.k8s.io'] as const;

function framed(channel: number, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from([channel]), payload]);
}

function portBytes(port: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(port);
  return b;
}

/** The data channel of one port as a Duplex: readable = client's bytes, writable = to the client. */
class ChannelStream extends Duplex {
  constructor(
    private ws: WebSocket,
    private channel: number,
  ) {
    super({ allowHalfOpen: true });
  }

  override _read(): void {
    // Pushed as messages arrive.
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return cb(new Error('websocket closed'));
    this.ws.send(framed(this.channel, chunk), cb);
  }

  override _final(cb: (err?: Error | null) => void): void {
    // The protocol has no per-channel close; the kubelet closes the socket when all ports are done.
    cb();
  }
}

export function serveWebSocketChannels(ws: WebSocket, ports: number[], forward: ForwardFn): void {
  const streams = ports.map((_, i) => new ChannelStream(ws, i * 2));
  let open = ports.length;
  const done = () => {
    open -= 1;
    if (open === 0 && ws.readyState === ws.OPEN) ws.close(1000);
  };

  ports.forEach((port, i) => {
    ws.send(framed(i * 2, portBytes(port)));
    ws.send(framed(i * 2 + 1, portBytes(port)));
  });

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length === 0) return;
    const channel = data[0];
    // Clients may only write to data channels; anything else is dropped like wsstream does.
    if (channel % 2 !== 0 || channel / 2 >= streams.length) return;
    streams[channel / 2].push(Buffer.from(data.subarray(1)));
  });
  ws.on('close', () => {
    for (const s of streams) {
      s.push(null);
      s.destroy();
    }
  });

  ports.forEach((port, i) => {
    const stream = streams[i];
    stream.on('error', () => stream.destroy());
    const failure = forward(port, stream);
    if (failure !== undefined) {
      if (ws.readyState === ws.OPEN) ws.send(framed(i * 2 + 1, Buffer.from(failure)));
      done();
      return;
    }
    stream.once('finish', done);
  });
}
