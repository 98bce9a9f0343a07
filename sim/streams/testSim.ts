/**
 * Test helpers for the streams' integration tests: a real simulator on a free port, the real
 * kubectl against it (asynchronously: the simulator shares the test's event loop), raw HTTPS
 * calls with the admin token, and polling.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:https';
import { startSim, type RunningSim, type StartSimOptions } from '../index';
import type { KubeObject } from '../types';

export interface CommandResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface ApiResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface TestSim {
  sim: RunningSim;
  kubectl(args: string[], input?: string): Promise<CommandResult>;
  /** Starts a long-running kubectl (logs -f, exec -it…). */
  spawnKubectl(args: string[]): ChildProcess;
  /** GET with the admin token (or the given Authorization header); returns status and body text. */
  apiGet(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Any method with the admin token. */
  api(method: string, path: string, body?: string, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Polls the store for a pod until `ready(pod)` holds. */
  waitForPod(namespace: string, name: string, ready: (pod: KubeObject & { status?: Record<string, unknown> }) => boolean, timeoutMs?: number): Promise<KubeObject>;
  stop(): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitUntil<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export const isRunning = (pod: { status?: Record<string, unknown> }): boolean =>
  pod.status?.phase === 'Running' && ((pod.status?.containerStatuses as Array<{ state?: { running?: unknown } }> | undefined) ?? []).every((c) => !!c.state?.running);

export async function startTestSim(options: StartSimOptions = {}): Promise<TestSim> {
  const sim = await startSim({ scenario: 'minimal', ...options });
  const env = { ...process.env, KUBECONFIG: sim.kubeconfigPath };
  const call = (method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<ApiResponse> =>
    new Promise((resolve, reject) => {
      const req = request(`${sim.url}${path}`, { method, ca: sim.caPem, headers: { Authorization: `Bearer ${sim.tokens.admin}`, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    sim,
    kubectl: (args, input) =>
      new Promise((resolve) => {
        const child = execFile('kubectl', args, { env, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
          resolve({ stdout, stderr, code: err ? (typeof err.code === 'number' ? err.code : 1) : 0 });
        });
        if (input !== undefined) child.stdin?.end(input);
      }),
    spawnKubectl: (args) => spawn('kubectl', args, { env, stdio: ['pipe', 'pipe', 'pipe'] }),
    apiGet: (path, headers = {}) => call('GET', path, undefined, headers),
    api: call,
    waitForPod: (namespace, name, ready, timeoutMs = 45_000) =>
      waitUntil(() => {
        const pod = sim.ctx.store.get('pods', namespace, name)?.parse() as (KubeObject & { status?: Record<string, unknown> }) | undefined;
        return pod && ready(pod) ? pod : undefined;
      }, timeoutMs, `pod ${namespace}/${name}`),
    stop: () => sim.stop(),
  };
}
