/**
 * `npm run web`: Pilothouse in the browser. The composition root of web mode: decides the
 * kubeconfig files (or the built-in demo cluster), creates the core, serves it with the
 * built renderer on 127.0.0.1 and prints the URL with its one-time token on its own line:
 *
 *   Pilothouse (web mode): http://127.0.0.1:PORT/?token=…
 *
 * Everything else (progress, warnings) goes to stderr so that line is easy to find.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LaunchedCore } from '../launch/launchCore';
import { hasDisplay, openBrowser } from '../launch/openBrowser';
import { appPaths } from '../paths';
import { parseWebCliOptions, UsageError, WEB_USAGE, type WebCliOptions } from './cliOptions';
import type { WebServer } from './server';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => console.error(`[pilothouse] ${line}`);

/** First run from a fresh clone: build the renderer (vite) so there is something to serve. */
function ensureRendererBuilt(staticDir: string): void {
  if (existsSync(path.join(staticDir, 'index.html'))) return;
  log('The renderer is not built yet; building it once (vite build) …');
  const viteBin = path.join(path.dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0 || !existsSync(path.join(staticDir, 'index.html'))) {
    throw new Error(`building the renderer failed; run \`npx vite build\` in ${ROOT} to see why`);
  }
}

function parseOptions(): WebCliOptions {
  try {
    return parseWebCliOptions(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`pilothouse web: ${err.message}`);
    process.exit(2);
  }
}

async function main() {
  const options = parseOptions();
  if (options.help) {
    console.log(WEB_USAGE);
    return;
  }
  const staticDir = path.join(ROOT, 'dist', 'renderer');
  ensureRendererBuilt(staticDir);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  let launched: LaunchedCore | undefined;
  let server: WebServer | undefined;
  let stoppingSince = 0;
  const shutdown = async (code: number) => {
    // A second Ctrl-C means "leave now"; one arriving within a second is the same press
    // delivered twice (e.g. by the terminal and by a parent that forwards signals).
    if (stoppingSince) {
      if (Date.now() - stoppingSince > 1000) process.exit(1);
      return;
    }
    stoppingSince = Date.now();
    try {
      await server?.close();
      await launched?.dispose();
      log('Stopped.');
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    // Loaded only now, so `--help` and usage errors answer at once.
    const [{ createCore }, { launchCore }, { startSim }, { startWebServer }] = await Promise.all([
      import('../core/index'),
      import('../launch/launchCore'),
      import('../../sim/index'),
      import('./server'),
    ]);
    launched = await launchCore(
      { createCore: (o) => createCore({ ...o, log }), startDemoCluster: (o) => startSim(o) },
      { mode: 'web', version, paths: appPaths(), demoOnly: options.demoOnly, log },
    );
    if (!launched.plan.demo) log(`kubeconfig: ${launched.plan.kubeconfigPaths.join(path.delimiter)}`);
    server = await startWebServer({ handlers: launched.handlers, port: options.port, staticDir, token: options.token });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    log(e.code === 'EADDRINUSE' ? `port ${options.port} is in use; choose another with --port (or 0 for any free port)` : `cannot start: ${e.message}`);
    await shutdown(1);
    return;
  }

  console.log(`Pilothouse (web mode): ${server.url}`);
  const open = options.open === 'always' || (options.open === 'auto' && process.stdout.isTTY && hasDisplay(process.platform, process.env));
  if (open) {
    if (!hasDisplay(process.platform, process.env)) log('no display found (DISPLAY/WAYLAND_DISPLAY unset); open the URL above in a browser.');
    else if (!(await openBrowser(server.url))) log('could not open a browser; open the URL above yourself.');
  }
  log('Press Ctrl-C to stop.');
}

main().catch((err: unknown) => {
  console.error(`[pilothouse] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
