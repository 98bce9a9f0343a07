/** HTTP response helpers: JSON bodies, Status errors, request bodies, streamed writes. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import { ApiError } from '../types';
import { decodeProtobuf } from '../api/protobuf';

const BASE_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' };

export function sendJson(res: ServerResponse, code: number, body: string | object, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { ...BASE_HEADERS, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends an ApiError as its Status (anything else as a 500 InternalError). */
export function sendError(res: ServerResponse, err: unknown): void {
  const e = err instanceof ApiError ? err : new ApiError(500, 'InternalError', `Internal error occurred: ${(err as Error)?.message ?? String(err)}`);
  if (!(err instanceof ApiError)) console.error('[sim] internal error:', err);
  sendJson(res, e.code, e.toStatus(), e.headers ?? {});
}

export function successStatus(details?: Record<string, unknown>): Record<string, unknown> {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', ...(details ? { details } : {}) };
}

/** Reads a request body (limit 3 MiB, like the apiserver's default for most writes). */
export function readBody(req: IncomingMessage, limit = 3 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new ApiError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 3145728'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Decodes a JSON (or YAML) request body; 400 BadRequest on garbage. */
export function decodeBody(buf: Buffer, contentType: string | undefined): unknown {
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('protobuf')) return decodeProtobuf(buf);
  const text = buf.toString('utf8');
  if (!text.trim()) throw new ApiError(400, 'BadRequest', 'the server rejected our request due to an error in our request: empty body');
  try {
    if (ct.includes('yaml')) return parseYaml(text, { maxAliasCount: 100 });
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, 'BadRequest', `the server rejected our request due to an error in our request: ${(e as Error).message}`);
  }
}

/** Writes many string parts, batching them and honouring backpressure. */
export async function writeParts(res: ServerResponse, parts: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const p of parts) {
    batch.push(p);
    size += p.length;
    if (size >= 1 << 20) {
      const ok = res.write(batch.join(''));
      batch = [];
      size = 0;
      if (!ok) await new Promise<void>((r) => res.once('drain', () => r()));
      if (res.destroyed) return;
    }
  }
  if (batch.length) res.write(batch.join(''));
}
