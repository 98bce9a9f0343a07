#!/usr/bin/env node
// `npm start`: builds what is missing or stale, then launches the Electron app; where Electron
// cannot run (binary not downloaded, no display, missing system libraries) it says why and
// starts web mode instead (`node --import tsx main/web/cli.ts --open`), so `npm install && npm start`
// always ends in a working Pilothouse. Extra arguments (e.g. `npm start -- --demo`) are passed on.
//
// Why the binary may be missing: npm 11 does not run electron's postinstall script unless
// allowed, so node_modules/electron/path.txt is absent; `node node_modules/electron/install.js`
// downloads it (needs Node >= 22.12 and access to GitHub).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Build outputs; if any is missing or older than the newest source, we rebuild. */
export const BUILD_OUTPUTS = ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html'];
export const BUILD_INPUTS = ['app', 'main', 'renderer', 'sim', 'package.json', 'vite.config.ts', 'electron.config.ts'];

function newestMtime(p) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return p.includes('.test.') ? 0 : st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Why a build is needed ('missing …' / 'sources changed'), or undefined when up to date. */
export function buildReason(root = ROOT) {
  let oldestOutput = Infinity;
  for (const out of BUILD_OUTPUTS) {
    const file = path.join(root, out);
    if (!existsSync(file)) return `missing ${out}`;
    oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
  }
  const newestInput = Math.max(...BUILD_INPUTS.map((p) => newestMtime(path.join(root, p))));
  return newestInput > oldestOutput ? 'sources changed since the last build' : undefined;
}

/**
 * Where the Electron binary is, if installed: node_modules/electron/path.txt names it
 * relative to node_modules/electron/dist (that is what electron's index.js does).
 */
export function electronBinary(root = ROOT) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron binary is not installed (node_modules/electron/path.txt is missing)' };
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(binary)) return { ok: false, reason: `the Electron binary is missing (${binary})` };
  return { ok: true, binary };
}

/** Electron's installer uses APIs of Node >= 22.12. */
export function canRunElectronInstaller(nodeVersion = process.versions.node) {
  const [major, minor] = nodeVersion.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** A window can be shown: always on macOS/Windows, on Linux only with X11 or Wayland. */
export function hasDisplay(platform = process.platform, env = process.env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Decides between Electron and web mode, with the reason for web mode. */
export function chooseLaunch({ binary, display }) {
  if (!binary.ok) return { mode: 'web', reason: binary.reason };
  if (!display) return { mode: 'web', reason: 'no display (DISPLAY/WAYLAND_DISPLAY unset)' };
  return { mode: 'electron', binary: binary.binary };
}

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  return r.status === 0;
}

function ensureBuilt() {
  const reason = buildReason();
  if (!reason) return;
  console.log(`[start] building (${reason}) …`);
  if (!run(process.execPath, [...TSX, 'electron.config.ts'])) {
    console.error('[start] the build failed (see above).');
    process.exit(1);
  }
}

/**
 * Node flags that run TypeScript through tsx in this same process. (The `tsx` CLI would put
 * a relay process in between whose signal forwarding can kill the app before its clean
 * shutdown runs when the machine is busy.)
 */
const TSX = ['--import', 'tsx'];

function tryInstallElectron() {
  if (!canRunElectronInstaller()) {
    console.log(`[start] Electron's installer needs Node >= 22.12 (this is ${process.versions.node}); not trying to download it.`);
    return;
  }
  console.log('[start] downloading the Electron binary (node node_modules/electron/install.js) …');
  run(process.execPath, [path.join(ROOT, 'node_modules', 'electron', 'install.js')]);
}

/** The binary starts at all (shared libraries present): `electron --version` exits 0. */
function electronStarts(binary) {
  const r = spawnSync(binary, ['--version'], { cwd: ROOT, stdio: 'pipe', timeout: 20_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  return r.status === 0;
}

const SIGNALS = process.platform === 'win32' ? ['SIGINT', 'SIGTERM'] : ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Passes Ctrl-C / SIGTERM / SIGHUP to the child and exits with its status (unless it failed to spawn). */
function forwardSignals(child, failedToSpawn = () => false) {
  const forward = (signal) => child.kill(signal);
  for (const signal of SIGNALS) process.on(signal, forward);
  child.on('exit', (code, signal) => {
    if (failedToSpawn()) return;
    process.exit(code ?? (signal ? 1 : 0));
  });
  return () => {
    for (const signal of SIGNALS) process.off(signal, forward);
  };
}

// On POSIX the child gets its own process group: a Ctrl-C in the terminal then reaches it
// once, through us, instead of twice (once from the terminal, once forwarded), which the
// web CLI would take as "stop now, skip the clean shutdown".
const childOptions = { cwd: ROOT, stdio: 'inherit', detached: process.platform !== 'win32' };

function startWebMode(reason, args) {
  console.log(`[start] Electron cannot run here: ${reason}.`);
  console.log('[start] Starting Pilothouse in web mode instead (your browser, on 127.0.0.1 only).');
  const child = spawn(process.execPath, [...TSX, 'main/web/cli.ts', '--open', ...args], childOptions);
  forwardSignals(child);
}

function startElectron(binary, args) {
  // `electron <app dir>` reads package.json ("main": dist/electron/main.cjs) and the app name.
  const child = spawn(binary, [ROOT, ...args], childOptions);
  let failed = false;
  const stopForwarding = forwardSignals(child, () => failed);
  child.once('error', (err) => {
    failed = true;
    stopForwarding();
    startWebMode(`it failed to start (${err.message})`, args);
  });
}

function main() {
  const args = process.argv.slice(2);
  ensureBuilt();
  let binary = electronBinary();
  if (!binary.ok) {
    tryInstallElectron();
    binary = electronBinary();
  }
  if (binary.ok && !electronStarts(binary.binary)) {
    binary = { ok: false, reason: `${binary.binary} does not start (missing system libraries?)` };
  }
  const launch = chooseLaunch({ binary, display: hasDisplay() });
  if (launch.mode === 'electron') startElectron(launch.binary, args);
  else startWebMode(launch.reason, args);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
