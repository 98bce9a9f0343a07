/**
 * Starts the e2e stack once for the whole run: ONE simulator (demo scenario, sped up) and two
 * web-mode servers (`main/web/cli.ts`, the real `npm run web` entry) pointed at it through
 * KUBECONFIG, each with a fixed token and its own data dir. The description goes to
 * process.env[STACK_ENV] for the workers; globalTeardown stops the pids listed there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ROOT, startTsProcess, stopPid } from './processes';
import { SIM_READY_PREFIX, STACK_ENV, type E2EStack, type SimProcessInfo, type WebServerInfo } from './stack';

const WEB_READY = /^Pilothouse \(web mode\): (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/;

/** Starts one web-mode server on the simulator (also used by specs that need a server of their own to stop). */
export async function startWeb(name: string, kubeconfigPath: string, pids: number[]): Promise<WebServerInfo> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `pilothouse-e2e-${name}-`));
  const token = `e2e-${randomBytes(18).toString('base64url')}`;
  const { child, line } = await startTsProcess(
    name,
    'main/web/cli.ts',
    ['--no-open'],
    {
      KUBECONFIG: kubeconfigPath,
      PILOTHOUSE_TOKEN: token,
      PILOTHOUSE_PORT: '0',
      PILOTHOUSE_DATA_DIR: dataDir,
      // The web CLI must never open a browser of its own during tests.
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
    },
    WEB_READY,
  );
  pids.push(child.pid!);
  const loginUrl = WEB_READY.exec(line)![1];
  return { origin: new URL(loginUrl).origin, loginUrl, dataDir };
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npx vite build` first (npm test does)');
  }
  const pids: number[] = [];
  try {
    const sim = await startTsProcess('sim', 'e2e/support/simProcess.ts', [], {}, new RegExp(`^${SIM_READY_PREFIX}`));
    pids.push(sim.child.pid!);
    const simInfo = JSON.parse(sim.line.slice(SIM_READY_PREFIX.length)) as SimProcessInfo;
    // Both web servers start in parallel: each creates a core and connects to the simulator.
    const [web, webI18n] = await Promise.all([startWeb('web', simInfo.kubeconfigPath, pids), startWeb('web-i18n', simInfo.kubeconfigPath, pids)]);
    const stack: E2EStack = { sim: simInfo, web, webI18n, contexts: { admin: 'sim-admin', viewer: 'sim-viewer' }, pids };
    process.env[STACK_ENV] = JSON.stringify(stack);
  } catch (err) {
    await Promise.all(pids.map((pid) => stopPid(pid)));
    throw err;
  }
}
