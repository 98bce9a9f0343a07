/**
 * Test helpers: plain HTTP requests with full control over headers (fetch forbids setting
 * Host and normalizes `..` away), and a contract client over a Node `ws` socket.
 */
import { request } from 'node:http';
import WebSocket from 'ws';
import { decodeBytesFrame, encodeBytesFrame } from '../../app/contract/binaryFrame';
import { createContractClient, type ContractClient } from '../../app/contract/client';
import type { ClientMessage, ClientPort, ServerMessage } from '../../app/contract/protocol';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function rawRequest(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { Host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The `name=value` part of a Set-Cookie header, ready for a Cookie header. */
export function cookieFrom(res: RawResponse): string {
  const set = res.headers['set-cookie'];
  const first = Array.isArray(set) ? set[0] : set;
  if (!first) throw new Error(`no Set-Cookie in response (status ${res.status})`);
  return first.split(';')[0];
}

/** Opens a socket; resolves when open, rejects with the HTTP status if the upgrade is refused. */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused: ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
}

export function socketClientPort(ws: WebSocket): ClientPort {
  return {
    send: (m: ClientMessage) => ws.send(m.t === 'bytes' ? encodeBytesFrame(m.id, m.data) : JSON.stringify(m)),
    onMessage(listener: (m: ServerMessage) => void) {
      const h = (data: WebSocket.RawData, isBinary: boolean) => {
        if (!isBinary) return listener(JSON.parse(data.toString()) as ServerMessage);
        const frame = decodeBytesFrame(data as Buffer);
        if (frame) listener({ t: 'bytes', id: frame.id, data: frame.data });
      };
      ws.on('message', h);
      return () => ws.off('message', h);
    },
    onClose(listener: () => void) {
      ws.on('close', listener);
      return () => ws.off('close', listener);
    },
  };
}

export function socketClient(ws: WebSocket): ContractClient {
  return createContractClient(socketClientPort(ws));
}
