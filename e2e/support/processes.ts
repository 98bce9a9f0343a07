/**
 * Starting and stopping the e2e stack's processes (simulator, web-mode servers) from the
 * Playwright runner: spawn with the tsx loader, wait for the line that says "ready", keep the
 * pid so teardown can stop exactly what setup started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOG_DIR = path.join(ROOT, 'test-results', 'e2e-logs');

export interface Started {
  child: ChildProcess;
  /** The first stdout line that matched. */
  line: string;
}

/**
 * Runs `node --import tsx <script> ...args` and resolves with the first stdout line matching
 * `ready`. Output also goes to test-results/e2e-logs/<name>.log, which is where to look when
 * a spec fails because the core or the simulator misbehaved.
 */
export function startTsProcess(name: string, script: string, args: string[], env: Record<string, string>, ready: RegExp, timeoutMs = 90_000): Promise<Started> {
  mkdirSync(LOG_DIR, { recursive: true });
  const log = createWriteStream(path.join(LOG_DIR, `${name}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stderr!.pipe(log, { end: false });
  return new Promise<Started>((resolve, reject) => {
    let buffered = '';
    let done = false;
    const finish = (err?: Error, line?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        child.kill('SIGKILL');
        reject(err);
      } else resolve({ child, line: line! });
    };
    const timer = setTimeout(() => finish(new Error(`${name} did not become ready within ${timeoutMs} ms; see ${path.join(LOG_DIR, `${name}.log`)}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (done) return;
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (ready.test(line)) finish(undefined, line);
      }
    });
    child.on('error', (err) => finish(err));
    child.on('exit', (code, signal) => finish(new Error(`${name} exited early (code ${code}, signal ${signal}); see ${path.join(LOG_DIR, `${name}.log`)}`)));
  });
}

/** SIGTERM a process we started, then SIGKILL if it lingers. */
export async function stopPid(pid: number, graceMs = 5_000): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone between the check and the kill.
    }
  }
}
