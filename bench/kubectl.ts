/**
 * The baseline every benchmark step is compared with: `kubectl get pods -A -o json` against the
 * same simulator, wall time until its whole output has been read (bytes counted, not kept).
 *
 * kubectl caches API discovery per server (host:port) for hours; a person running kubectl has
 * that cache warm, and a timed run must not pay for it only sometimes. So the runs share a
 * cache dir of their own (not ~/.kube/cache, which would collect one entry per simulator port),
 * warmed once by an untimed call, removed at exit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { track } from './processes';

export interface KubectlTiming {
  ms: number;
  bytes: number;
}

let cacheDir: string | undefined;
function kubectlCacheDir(): string {
  if (!cacheDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilothouse-bench-kubectl-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    cacheDir = dir;
  }
  return cacheDir;
}

function kubectl(kubeconfigPath: string, args: string[], timeoutMs: number): Promise<KubectlTiming> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const argv = ['--kubeconfig', kubeconfigPath, '--cache-dir', kubectlCacheDir(), ...args];
    const child = track(spawn('kubectl', argv, { stdio: ['ignore', 'pipe', 'pipe'] }));
    let bytes = 0;
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ ms: performance.now() - t0, bytes });
      else reject(new Error(`kubectl ${args.join(' ')} exited ${code ?? signal}${signal === 'SIGKILL' ? ` (timed out after ${timeoutMs} ms)` : ''}: ${err.trim()}`));
    });
  });
}

const warmed = new Set<string>();

/**
 * The baseline: `kubectl get pods -A -o json`, output read to the end and dropped. The first
 * call per simulator is preceded by one cheap untimed call, so discovery is cached.
 */
export async function kubectlGetPods(kubeconfigPath: string, timeoutMs = 600_000): Promise<KubectlTiming> {
  if (!warmed.has(kubeconfigPath)) {
    await kubectl(kubeconfigPath, ['get', 'pods', '--namespace', 'default', '-o', 'name'], 120_000);
    warmed.add(kubeconfigPath);
  }
  return kubectl(kubeconfigPath, ['get', 'pods', '-A', '-o', 'json'], timeoutMs);
}
