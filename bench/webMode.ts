/**
 * Web mode for the benchmark, started the way a person starts it (`node --import tsx
 * main/web/cli.ts --no-open`, as e2e/support/globalSetup.ts does) against the simulator's
 * kubeconfig, with a fixed token and a fresh data dir per server: a fresh server has a cold core
 * (no informer cache, no settings), which is what "first open" measures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, RESULTS_DIR } from './common';
import { onInterrupt, stopChild, track } from './processes';

const RENDERER_INDEX = path.join(ROOT, 'dist', 'renderer', 'index.html');
/** What the renderer bundle is built from (tests excluded: they are not in it). */
const RENDERER_SOURCES = ['renderer', 'app', 'vite.config.ts', 'package-lock.json'];

function newestSourceMtime(p: string): number {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return /\.test\.tsx?$/.test(p) ? 0 : st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) newest = Math.max(newest, newestSourceMtime(path.join(p, entry)));
  return newest;
}

/**
 * Builds dist/renderer with vite when it is missing or older than its sources. The CLI itself
 * only builds a missing one, and a stale bundle would measure yesterday's renderer.
 * (This rewrites dist/renderer: do not run it while someone's e2e run serves it.)
 */
export function ensureRendererBuilt(): void {
  const built = statSync(RENDERER_INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...RENDERER_SOURCES.map((s) => newestSourceMtime(path.join(ROOT, s))));
  if (built && built >= sources) return;
  console.log(built ? 'dist/renderer is older than its sources; rebuilding it (vite build)…' : 'dist/renderer is missing; building it (vite build)…');
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], timeout: 300_000 });
  if (r.status !== 0 || !existsSync(RENDERER_INDEX)) throw new Error('vite build failed; run `npx vite build` to see why');
}

const WEB_READY = /^Pilothouse \(web mode\): (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;

export interface WebServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The printed URL with the token: fetching it sets the session cookie. */
  loginUrl: string;
  /** Resident memory of the core's process now (Linux /proc), in bytes; 0 if unknown. */
  rss(): number;
  stop(): Promise<void>;
}

/** Starts web mode on `kubeconfigPath`; resolves once it prints its URL. Its stderr goes to bench/results/logs/<name>.log. */
export async function startWebServer(name: string, kubeconfigPath: string, timeoutMs = 120_000): Promise<WebServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pilothouse-bench-web-'));
  // Removed by stop(); this covers an exit that never gets there.
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  process.once('exit', removeDataDir);
  const logDir = path.join(RESULTS_DIR, 'logs');
  mkdirSync(logDir, { recursive: true });
  const logPath = path.join(logDir, `${name}.log`);
  const log = createWriteStream(logPath);
  const child: ChildProcess = track(
    spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--no-open'], {
      cwd: ROOT,
      env: {
        ...process.env,
        KUBECONFIG: kubeconfigPath,
        PILOTHOUSE_TOKEN: `bench-${randomBytes(18).toString('base64url')}`,
        PILOTHOUSE_PORT: '0',
        PILOTHOUSE_DATA_DIR: dataDir,
        // Never let the CLI open a browser of its own.
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.stderr!.pipe(log);
  const stop = async () => {
    unregister();
    await stopChild(child);
    removeDataDir();
    process.off('exit', removeDataDir);
  };
  const unregister = onInterrupt(stop);
  try {
    const loginUrl = await readyLine(child, timeoutMs, logPath);
    const rss = () => {
      try {
        const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        return kb ? Number(kb[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    };
    return { origin: new URL(loginUrl).origin, loginUrl, rss, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function readyLine(child: ChildProcess, timeoutMs: number, logPath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const finish = (err?: Error, url?: string) => {
      clearTimeout(timer);
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume(); // keep draining stdout so the CLI never blocks on a full pipe
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(url!);
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`web mode exited early (code ${code}, signal ${signal}); see ${logPath}`));
    const timer = setTimeout(() => finish(new Error(`web mode did not print its URL within ${timeoutMs} ms; see ${logPath}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const m = WEB_READY.exec(buffered.slice(0, nl).trim());
        buffered = buffered.slice(nl + 1);
        if (m) return finish(undefined, m[1]);
      }
    });
    child.once('exit', onExit);
  });
}
