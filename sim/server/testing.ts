/** Helpers for tests that drive a real simulator with real clients (kubectl, HTTPS). */
import { execFile } from 'node:child_process';
import https from 'node:https';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSim } from '../index';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs /usr/bin/kubectl against `sim` with its own discovery cache dir. */
export function kubectlRunner(sim: RunningSim) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'sim-kubectl-cache-'));
  return (args: string[], options: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        '/usr/bin/kubectl',
        ['--kubeconfig', sim.kubeconfigPath, '--cache-dir', cacheDir, ...args],
        { env: { ...process.env, ...options.env, HOME: cacheDir }, timeout: options.timeoutMs ?? 20_000, maxBuffer: 64 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? ((err as { code: number }).code) : 1) : 0;
          resolve({ code, stdout: String(stdout), stderr: String(stderr) });
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json<T = unknown>(): T;
}

/** One HTTPS request to the simulator (admin token unless `token` is given; `null` = none). */
export function request(
  sim: RunningSim,
  method: string,
  path: string,
  options: { body?: unknown; contentType?: string; accept?: string; token?: string | null } = {},
): Promise<HttpResult> {
  const url = new URL(path, sim.url);
  const token = options.token === undefined ? sim.tokens.admin : options.token;
  const body = options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = https.request(
      url,
      {
        method,
        ca: sim.caPem,
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.accept ? { Accept: options.accept } : {}),
          ...(body !== undefined ? { 'Content-Type': options.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text, json: <T>() => JSON.parse(text) as T });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/** Opens a watch and collects its raw lines until `stop()` or the server closes it. */
export function openWatch(sim: RunningSim, path: string, token?: string) {
  const url = new URL(path, sim.url);
  const lines: string[] = [];
  let buffer = '';
  let closed = false;
  let onChange: (() => void) | undefined;
  let res: import('node:http').IncomingMessage | undefined;
  const ready = new Promise<number>((resolve, reject) => {
    const req = https.request(url, { method: 'GET', ca: sim.caPem, headers: { Authorization: `Bearer ${token ?? sim.tokens.admin}` } }, (r) => {
      res = r;
      r.setEncoding('utf8');
      r.on('data', (c: string) => {
        buffer += c;
        let i: number;
        while ((i = buffer.indexOf('\n')) >= 0) {
          lines.push(buffer.slice(0, i));
          buffer = buffer.slice(i + 1);
        }
        onChange?.();
      });
      const end = () => {
        closed = true;
        onChange?.();
      };
      r.on('end', end);
      r.on('close', end);
      r.on('error', end);
      resolve(r.statusCode ?? 0);
    });
    req.on('error', (e) => {
      closed = true;
      onChange?.();
      reject(e);
    });
    req.end();
  });
  return {
    ready,
    lines,
    get closed() {
      return closed;
    },
    /** The partial line received after the last newline (truncation tests). */
    get rest() {
      return buffer;
    },
    /** Resolves when `check()` holds (re-checked on every chunk), rejects after `ms`. */
    until(check: () => boolean, ms = 5000): Promise<void> {
      return new Promise((resolve, reject) => {
        if (check()) return resolve();
        const timer = setTimeout(() => {
          onChange = undefined;
          reject(new Error(`watch condition not met in ${ms} ms; lines: ${lines.slice(-5).join('\n')}`));
        }, ms);
        onChange = () => {
          if (check()) {
            clearTimeout(timer);
            onChange = undefined;
            resolve();
          }
        };
      });
    },
    stop() {
      res?.destroy();
    },
  };
}
