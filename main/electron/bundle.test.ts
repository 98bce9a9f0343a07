import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../app/contract/bridge';
import { bundleElectron, ELECTRON_EXTERNALS, type BundleResult } from '../../electron.config';
import { ELECTRON_CSP } from './appResponse';
import { PAGE_LOADED } from './pageLoaded';
import { createFakeElectron, type FakeElectron } from './testing/fakeElectron';
import { APP_ENTRY_URL, APP_SCHEME } from './trustedSender';

let outDir: string;
let result: BundleResult;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'pilothouse-electron-build-'));
  result = await bundleElectron({ outDir });
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every module a CommonJS bundle still requires at run time. */
function requiredModules(code: string): string[] {
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))].sort();
}

describe('npm run build: Electron bundles', () => {
  it('bundles the preload so it requires nothing but electron (a sandboxed preload cannot)', () => {
    const code = readFileSync(result.preloadFile, 'utf8');
    expect(requiredModules(code)).toEqual(['electron']);
  });

  it('the bundled preload exposes exactly window.pilothouse, wired to the one IPC channel', () => {
    // Run the real bundle against stand-ins for the two Electron objects it uses.
    const exposed: Record<string, unknown> = {};
    const sent: unknown[][] = [];
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
      ipcRenderer: {
        send: (...args: unknown[]) => sent.push(args),
        on: (channel: string, l: (...args: unknown[]) => void) => listeners.set(channel, l),
        removeListener: (channel: string) => listeners.delete(channel),
      },
    };
    const module = { exports: {} };
    const requireStub = (name: string) => {
      if (name !== 'electron') throw new Error(`preload required ${name}`);
      return electron;
    };
    vm.runInNewContext(readFileSync(result.preloadFile, 'utf8'), { require: requireStub, module, exports: module.exports });

    // The first thing it does: announce the new document, before any page script runs.
    expect(sent).toEqual([[IPC_CHANNEL, PAGE_LOADED]]);
    sent.length = 0;
    expect(Object.keys(exposed)).toEqual(['pilothouse']);
    const bridge = exposed.pilothouse as { transport: string; send(m: unknown): void; onMessage(l: (m: unknown) => void): () => void };
    expect(Object.keys(bridge).sort()).toEqual(['onMessage', 'send', 'transport']);
    expect(bridge.transport).toBe('ipc');

    bridge.send({ t: 'call', id: 1, ch: 'app.info' });
    expect(sent).toEqual([[IPC_CHANNEL, { t: 'call', id: 1, ch: 'app.info' }]]);

    const received: unknown[] = [];
    const off = bridge.onMessage((m) => received.push(m));
    const fakeEvent = { sender: 'must not reach the page' };
    listeners.get(IPC_CHANNEL)?.(fakeEvent, { t: 'event', id: 1, ev: 42 });
    expect(received).toEqual([{ t: 'event', id: 1, ev: 42 }]);
    off();
    expect(listeners.has(IPC_CHANNEL)).toBe(false);
  });

  it('bundles the main process, leaving only electron, native addons and optional try/catch requires', () => {
    const code = readFileSync(result.mainFile, 'utf8');
    const builtins = new Set(builtinModules);
    const external = requiredModules(code).filter((m) => !m.startsWith('node:') && !builtins.has(m));
    expect(external).toContain('electron');
    for (const m of external.filter((x) => !ELECTRON_EXTERNALS.includes(x))) {
      // e.g. node-fetch's optional `encoding`, debug's optional `supports-color`.
      const at = code.indexOf(`require("${m}")`);
      expect(code.slice(Math.max(0, at - 120), at), `require("${m}") must be optional`).toMatch(/try\s*\{[^]*$/);
    }
    expect(code).toContain(IPC_CHANNEL);
  });
});

/** Runs a CommonJS bundle in this process the way Node would, with `electron` swapped for a fake. */
function runMainBundle(file: string, electron: FakeElectron): void {
  const code = readFileSync(file, 'utf8');
  const wrapper = vm.runInThisContext(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file }) as (
    ...args: unknown[]
  ) => void;
  const realRequire = createRequire(file);
  const requireWithFake = (name: string) => (name === 'electron' ? electron.module : realRequire(name));
  const module = { exports: {} };
  wrapper(module.exports, requireWithFake, module, file, path.dirname(file));
}

describe('the bundled Electron main process (Electron faked, real core behind it)', () => {
  let electron: FakeElectron;
  let appDir: string;
  const savedEnv = { KUBECONFIG: process.env.KUBECONFIG, PILOTHOUSE_DATA_DIR: process.env.PILOTHOUSE_DATA_DIR };

  beforeAll(async () => {
    appDir = mkdtempSync(path.join(tmpdir(), 'pilothouse-electron-app-'));
    mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
    writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Pilothouse</title>');
    const kubeconfigPath = path.join(appDir, 'kubeconfig');
    // A cluster on a closed loopback port: the core's connection attempt fails harmlessly.
    writeFileSync(
      kubeconfigPath,
      'apiVersion: v1\nkind: Config\ncurrent-context: desk\nclusters:\n- name: c\n  cluster: { server: "https://127.0.0.1:9" }\nusers:\n- name: u\n  user: { token: "t0ken-stays-in-main" }\ncontexts:\n- name: desk\n  context: { cluster: c, user: u }\n',
    );
    process.env.KUBECONFIG = kubeconfigPath;
    process.env.PILOTHOUSE_DATA_DIR = path.join(appDir, 'data');
    electron = createFakeElectron({ appPath: appDir, userData: path.join(appDir, 'userData'), version: '1.2.3' });
    runMainBundle(result.mainFile, electron);
    await vi.waitFor(() => expect(electron.windows).toHaveLength(1), { timeout: 20_000 });
  }, 60_000);

  afterAll(async () => {
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(appDir, { recursive: true, force: true });
  });

  it('registers the app scheme as privileged and enables the sandbox before anything loads', () => {
    expect(electron.sandboxEnabled).toBe(true);
    expect(electron.privilegedSchemes).toEqual([
      { scheme: APP_SCHEME, privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('opens a sandboxed, context-isolated window without Node on the app scheme', () => {
    const win = electron.windows[0];
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(appDir, 'dist', 'electron', 'preload.cjs'),
    });
    expect(win.webContents.loadedUrl).toBe(APP_ENTRY_URL);
  });

  it('serves the renderer over the app scheme with the CSP, and forces the CSP on every response', async () => {
    const res = await electron.protocolHandlers.get(APP_SCHEME)!({ url: APP_ENTRY_URL, method: 'GET' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(ELECTRON_CSP);
    let headers: Record<string, string[]> = {};
    electron.headersHandler!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'x-other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [ELECTRON_CSP], 'x-other': ['1'] });
  });

  it('denies every permission request', () => {
    let granted: boolean | undefined;
    electron.permissionRequestHandler!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(electron.permissionCheckHandler!()).toBe(false);
  });

  it('answers IPC from the window’s main frame with the real core, and drops it from a sub-frame', async () => {
    const contents = electron.windows[0].webContents;
    const mainFrame = { sender: contents, senderFrame: contents.mainFrame };
    const subFrame = { sender: contents, senderFrame: { url: APP_ENTRY_URL, parent: contents.mainFrame, processId: contents.mainFrame.processId, routingId: 9 } };
    electron.ipcMain.emit(IPC_CHANNEL, mainFrame, PAGE_LOADED); // as the real preload does first
    electron.ipcMain.emit(IPC_CHANNEL, subFrame, { t: 'call', id: 7, ch: 'app.info' });
    electron.ipcMain.emit(IPC_CHANNEL, mainFrame, { t: 'call', id: 1, ch: 'app.info' });
    electron.ipcMain.emit(IPC_CHANNEL, mainFrame, { t: 'sub', id: 2, ch: 'contexts.watch' });
    await vi.waitFor(() => expect(contents.sent.length).toBeGreaterThanOrEqual(2), { timeout: 10_000 });
    expect(contents.sent).toContainEqual([IPC_CHANNEL, { t: 'result', id: 1, ok: true, res: { version: '1.2.3', mode: 'electron', platform: process.platform } }]);
    const contextsEvent = contents.sent.find(([, m]) => (m as { id: number }).id === 2)?.[1] as { ev: { contexts: { name: string }[] } };
    expect(contextsEvent.ev.contexts.map((c) => c.name)).toEqual(['desk']);
    expect(JSON.stringify(contents.sent)).not.toContain('t0ken-stays-in-main');
    expect(contents.sent.some(([, m]) => (m as { id: number }).id === 7)).toBe(false);
  });

  it('keeps every window on the app: new windows denied, only http(s) links opened outside', () => {
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void };
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    contents.setWindowOpenHandler = (h: (d: { url: string }) => { action: string }) => (openHandler = h);
    electron.app.emit('web-contents-created', {}, contents);
    expect(openHandler!({ url: 'https://kubernetes.io/docs/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.openedExternally).toEqual(['https://kubernetes.io/docs/']);

    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      contents.emit('will-navigate', event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('https://evil.example/')).toBe(true);
    expect(navigate('javascript:alert(1)')).toBe(true);
    expect(navigate(`${APP_ENTRY_URL}#/pods`)).toBe(false);
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('disposes the core before quitting', async () => {
    const event = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.quitCalls).toBe(1), { timeout: 10_000 });
  });
});

describe('the bundled Electron main process when the core cannot start', () => {
  it('says why in a dialog and exits with status 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pilothouse-electron-fail-'));
    const saved = { KUBECONFIG: process.env.KUBECONFIG, PILOTHOUSE_DATA_DIR: process.env.PILOTHOUSE_DATA_DIR };
    try {
      // No kubeconfig → the demo cluster, whose data dir cannot be created under a plain file.
      process.env.KUBECONFIG = path.join(dir, 'absent');
      writeFileSync(path.join(dir, 'not-a-dir'), '');
      process.env.PILOTHOUSE_DATA_DIR = path.join(dir, 'not-a-dir');
      const electron = createFakeElectron({ appPath: dir, userData: dir, version: '1.2.3' });
      runMainBundle(result.mainFile, electron);
      await vi.waitFor(() => expect(electron.app.exitCode).toBe(1), { timeout: 20_000 });
      expect(electron.errorBoxes).toHaveLength(1);
      expect(electron.errorBoxes[0]).toMatch(/^Pilothouse could not start: .*not-a-dir/);
      expect(electron.windows).toHaveLength(0);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
