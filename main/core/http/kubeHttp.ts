/**
 * A small request layer over node:http(s) for one cluster: JSON requests and long-lived streams
 * (watches). Maps non-2xx answers to ContractError with the API server's Status message, network
 * failures to `unreachable` with a readable message, retries once after a 401 when credentials
 * can be refreshed, and honours 429 Retry-After.
 */
import http from 'node:http';
import https from 'node:https';
import { ContractError, displayError, errorCodeForStatus, type DisplayMessage, type MessageCode } from '../../../app/contract/errors';
import type { ClusterTransport } from '../auth/clusterTransport';

export type Query = Record<string, string | number | boolean | undefined>;

export interface KubeRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API path starting with `/`, e.g. `/api/v1/pods`. */
  path: string;
  query?: Query;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  /** Whole-request timeout for plain requests (default 30 s); streams have none. */
  timeoutMs?: number;
}

const MAX_429_RETRIES = 3;
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_ERROR_BODY = 1024 * 1024;

/** Sends a request and parses the JSON answer. */
export async function requestJson<T>(transport: ClusterTransport, req: KubeRequest): Promise<T> {
  const res = await send(transport, req, false);
  // A half-open connection must not hang a list forever: give up after a quiet spell.
  const idleMs = req.timeoutMs ?? 30_000;
  res.setTimeout(idleMs, () => res.destroy(new Error(`no data for ${Math.round(idleMs / 1000)} s`)));
  const text = await readBody(res, Infinity, req.signal);
  try {
    return JSON.parse(text) as T;
  } catch {
    throw displayError('server-error', { code: 'invalid-json', params: { path: req.path } }, `The API server sent invalid JSON for ${req.path}`);
  }
}

/** Opens a streaming request (e.g. a watch) and returns the response once its status is 2xx. */
export function openStream(transport: ClusterTransport, req: KubeRequest): Promise<http.IncomingMessage> {
  return send(transport, req, true);
}

async function send(transport: ClusterTransport, req: KubeRequest, stream: boolean): Promise<http.IncomingMessage> {
  let retried401 = false;
  for (let attempt = 0; ; attempt++) {
    const prepared = await transport.prepare();
    const url = buildUrl(prepared.server, req.path, req.query);
    const res = await sendOnce(url, prepared, req, stream);
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return res;
    const error = await errorFromResponse(res, req.signal);
    if (status === 401 && !retried401 && transport.onUnauthorized(prepared)) {
      retried401 = true;
      continue;
    }
    if (status === 429 && attempt < MAX_429_RETRIES) {
      await sleep(retryAfterMs(res.headers['retry-after']), req.signal);
      continue;
    }
    throw error;
  }
}

export function buildUrl(server: string, path: string, query?: Query): URL {
  const url = new URL(server.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  return url;
}

function sendOnce(url: URL, prepared: Awaited<ReturnType<ClusterTransport['prepare']>>, req: KubeRequest, stream: boolean): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted) return reject(cancelled());
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string | string[]> = { Accept: 'application/json', 'User-Agent': 'Pilothouse', ...prepared.headers };
    if (body !== undefined) {
      headers['Content-Type'] = req.contentType ?? 'application/json';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    const options: https.RequestOptions = { method: req.method ?? 'GET', agent: prepared.agent, headers, ...prepared.tls };
    const client = url.protocol === 'https:' ? https : http;
    const r = client.request(url, options, (res) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      if (stream && req.signal) {
        // Abort tears the stream down; the reader sees 'close'/'error'.
        const onStreamAbort = () => res.destroy(cancelled());
        req.signal.addEventListener('abort', onStreamAbort, { once: true });
        res.once('close', () => req.signal?.removeEventListener('abort', onStreamAbort));
      }
      resolve(res);
    });
    const onAbort = () => r.destroy(cancelled());
    req.signal?.addEventListener('abort', onAbort, { once: true });
    const timeoutMs = stream ? 30_000 /* until headers arrive */ : (req.timeoutMs ?? 30_000);
    const timer = setTimeout(() => r.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' })), timeoutMs);
    r.on('error', (err) => {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      reject(err instanceof ContractError ? err : networkError(url, err));
    });
    r.end(body);
  });
}

/** The messages of a request that never reached the API server; each takes the server's origin. */
type NetworkMessage = Exclude<Extract<MessageCode, `net-${string}`>, 'net-lost-reading'>;

/** "connect ECONNREFUSED 127.0.0.1:6443" → "Cannot reach https://127.0.0.1:6443: connection refused". */
export function networkError(url: URL, err: Error): ContractError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const reasons: Record<string, [NetworkMessage, string]> = {
    ECONNREFUSED: ['net-refused', 'connection refused'],
    ENOTFOUND: ['net-host-not-found', 'host not found'],
    EAI_AGAIN: ['net-lookup-failed', 'host name lookup failed'],
    ETIMEDOUT: ['net-timed-out', 'connection timed out'],
    ECONNRESET: ['net-reset', 'connection reset'],
    EHOSTUNREACH: ['net-host-unreachable', 'host unreachable'],
    ENETUNREACH: ['net-network-unreachable', 'network unreachable'],
    EPIPE: ['net-closed', 'connection closed'],
    UND_ERR_SOCKET: ['net-closed', 'connection closed'],
  };
  let known = reasons[code];
  let detail: string | undefined;
  if (!known && (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS|SSL/.test(code) || /certificate|ssl|tls/i.test(err.message))) {
    known = ['net-tls', `TLS error: ${err.message}`];
    detail = err.message;
  }
  if (!known && err.message === 'socket hang up') known = ['net-closed', 'the server closed the connection'];
  if (!known) {
    known = ['net-failed', err.message];
    detail = err.message;
  }
  const [display, reason] = known;
  return displayError('unreachable', { code: display, params: { server: url.origin } }, `Cannot reach ${url.origin}: ${reason}`, {
    ...(detail !== undefined ? { detail } : {}),
    details: code ? { errno: code } : undefined,
  });
}

async function errorFromResponse(res: http.IncomingMessage, signal?: AbortSignal): Promise<ContractError> {
  const status = res.statusCode ?? 0;
  let text = '';
  try {
    text = await readBody(res, MAX_ERROR_BODY, signal);
  } catch {
    // Keep the status even if the body could not be read.
  }
  let message = `HTTP ${status} ${res.statusMessage ?? ''}`.trim();
  let detail: string | undefined;
  let reason: string | undefined;
  try {
    const s = JSON.parse(text) as { kind?: string; message?: string; reason?: string };
    if (s && typeof s.message === 'string' && s.message) message = detail = s.message;
    if (s && typeof s.reason === 'string') reason = s.reason;
  } catch {
    if (text.trim() && text.length < 500) {
      detail = text.trim();
      message = `${message}: ${detail}`;
    }
  }
  const details: Record<string, unknown> = {};
  if (reason) details.reason = reason;
  const retryAfter = res.headers['retry-after'];
  if (retryAfter) details.retryAfterSeconds = Number(retryAfter);
  const code = errorCodeForStatus(status);
  // A status with a code of its own (403 forbidden…) reads as that code; any other names the status.
  const display: DisplayMessage = code === 'internal' ? { code: 'api-status', params: { status } } : { code };
  return new ContractError({ code, message, display, ...(detail !== undefined ? { detail } : {}), status, details: Object.keys(details).length ? details : undefined });
}

function readBody(res: http.IncomingMessage, limit: number, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onAbort = () => res.destroy(cancelled());
    signal?.addEventListener('abort', onAbort, { once: true });
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    res.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    res.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err instanceof ContractError ? err : displayError('unreachable', { code: 'net-lost-reading' }, `Connection lost while reading the answer: ${err.message}`, { detail: err.message }));
    });
  });
}

function retryAfterMs(header: string | string[] | undefined): number {
  const v = Array.isArray(header) ? header[0] : header;
  const seconds = Number(v);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = v ? Date.parse(v) : NaN;
  if (!Number.isNaN(date)) return Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS);
  return 1000;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): ContractError {
  return displayError('cancelled', { code: 'cancelled' }, 'Cancelled');
}
