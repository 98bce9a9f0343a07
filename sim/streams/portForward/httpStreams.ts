/**
 * The kubelet's `portforward.k8s.io` protocol over SPDY streams (pkg/kubelet/cri/streaming/
 * portforward/httpstream.go): per forwarded connection the client opens an `error` and a `data`
 * stream carrying the same `port` and `requestID` headers; once both are there the data stream is
 * connected to the port, and a failure is written as text on the error stream before both close.
 */
import type { Duplex } from 'node:stream';
import { RstStatus, type SpdySession, type SpdyStream } from './spdy';

/** How a pair of streams is served: connect `data` to `port`, or return the error text. */
export type ForwardFn = (port: number, data: Duplex) => string | undefined;

interface StreamPair {
  requestId: string;
  data?: SpdyStream;
  error?: SpdyStream;
  timer?: NodeJS.Timeout;
}

/** kubelet's default `streamCreationTimeout`. */
export const STREAM_CREATION_TIMEOUT_MS = 30_000;

/** Why kubelet refuses a stream before accepting it (httpStreamReceived); undefined if valid. */
export function rejectReason(headers: Record<string, string>): string | undefined {
  const port = headers.port ?? '';
  if (port === '') return '"port" header is required';
  if (!/^\d+$/.test(port) || Number(port) > 65535) return `unable to parse "${port}" as a port`;
  if (Number(port) < 1) return `port "${port}" must be > 0`;
  const type = headers.streamtype ?? '';
  if (type === '') return '"streamType" header is required';
  if (type !== 'error' && type !== 'data') return `invalid stream type "${type}"`;
  return undefined;
}

export function serveHttpStreams(session: SpdySession, forward: ForwardFn, timeoutMs = STREAM_CREATION_TIMEOUT_MS): void {
  const pairs = new Map<string, StreamPair>();

  const printError = (pair: StreamPair, message: string) => {
    if (pair.error?.writable) pair.error.end(message);
  };

  const run = (pair: StreamPair, data: SpdyStream, error: SpdyStream) => {
    // Whatever happens to the data stream ends the error stream, so the client's wait on it returns.
    data.once('close', () => error.writable && error.end());
    data.on('error', () => data.destroy());
    error.on('error', () => error.destroy());
    const failure = forward(Number(data.headers.port), data);
    if (failure !== undefined) {
      error.end(failure);
      data.end();
    } else {
      data.once('finish', () => error.writable && error.end());
    }
    pairs.delete(pair.requestId);
  };

  session.on('stream', (stream) => {
    const reason = rejectReason(stream.headers);
    if (reason !== undefined) {
      stream.reset(RstStatus.refusedStream);
      return;
    }
    const type = stream.headers.streamtype;
    // Old clients send no requestID: kubelet derives one from the stream ids (error n, data n+2).
    const requestId = stream.headers.requestid || String(type === 'error' ? stream.id : stream.id - 2);
    void stream.accept().then(
      () => {
        let pair = pairs.get(requestId);
        if (!pair) {
          const created: StreamPair = { requestId };
          created.timer = setTimeout(() => {
            printError(created, `(conn=${session.id}, request=${requestId}) timed out waiting for streams`);
            pairs.delete(requestId);
          }, timeoutMs);
          created.timer.unref();
          pairs.set(requestId, created);
          pair = created;
        }
        if (pair[type as 'data' | 'error']) {
          printError(pair, `error processing stream for request ${requestId}: ${type} stream already assigned`);
          stream.reset();
          return;
        }
        pair[type as 'data' | 'error'] = stream;
        if (pair.data && pair.error) {
          clearTimeout(pair.timer);
          run(pair, pair.data, pair.error);
        }
      },
      () => stream.destroy(),
    );
  });

  session.on('close', () => {
    for (const pair of pairs.values()) clearTimeout(pair.timer);
    pairs.clear();
  });
}
