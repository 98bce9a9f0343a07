/**
 * The Electron main process: the composition root of the desktop app.
 *
 * Security posture (https://www.electronjs.org/docs/latest/tutorial/security):
 *  - the renderer runs sandboxed, context-isolated, without Node, and is served from our own
 *    privileged scheme (pilothouse-app://renderer) with a strict CSP header (plus the <meta>
 *    the renderer build injects);
 *  - one IPC channel, and the sender frame of every message is checked (ipcServerPort);
 *  - no new windows, no navigation away from the app, no <webview>, every permission denied;
 *    http(s) links open in the system browser after validation.
 * The core is the same one web mode serves (main/launch/launchCore), demo cluster included.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, type WebContents } from 'electron';
import { contract } from '../../app/contract/pilothouse';
import { serveContract } from '../../app/contract/serve';
import { createCore } from '../core/index';
import { launchCore, type LaunchedCore } from '../launch/launchCore';
import { appPaths } from '../paths';
import { startSim } from '../../sim/index';
import { appProtocolResponse, ELECTRON_CSP } from './appResponse';
import { serveWebContents } from './ipcServerPort';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME, isTrustedSender, safeExternalUrl } from './trustedSender';

// Must happen before `ready`: a standard, secure scheme gets a real origin, so 'self' in the
// CSP, relative URLs and module scripts work as on https. corsEnabled lets vite's
// `<script type="module" crossorigin>` (a CORS-mode fetch) load from it; no response carries
// Access-Control-Allow-Origin, so no other origin can read from it.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
]);
app.enableSandbox();

let launched: LaunchedCore | undefined;
let mainWindow: BrowserWindow | undefined;

function log(line: string) {
  console.log(`[pilothouse] ${line}`);
}

/** Where the built app lives: package.json's directory (the repo, or the packaged app). */
function appRoot(): string {
  return app.getAppPath();
}

function hardenSession() {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [ELECTRON_CSP];
    callback({ responseHeaders: headers });
  });
}

function hardenContents(contents: WebContents) {
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  const keepInApp = (event: { preventDefault(): void }, url: string) => {
    if (isTrustedSender(url, APP_ORIGIN)) return;
    event.preventDefault();
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
  };
  contents.on('will-navigate', keepInApp);
  contents.on('will-redirect', keepInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function createWindow(core: LaunchedCore) {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Pilothouse',
    webPreferences: {
      preload: path.join(appRoot(), 'dist', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  const stopServing = serveWebContents(ipcMain, win.webContents, (port) => serveContract(contract, core.handlers, port), {
    onRejected: (reason) => log(reason),
  });
  win.on('closed', () => {
    stopServing();
    if (mainWindow === win) mainWindow = undefined;
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  mainWindow = win;
}

async function start() {
  const rendererDir = path.join(appRoot(), 'dist', 'renderer');
  protocol.handle(APP_SCHEME, (request) => appProtocolResponse(request.url, rendererDir, request.method));
  hardenSession();
  // PILOTHOUSE_DATA_DIR wins (tests, portable use); otherwise Electron's own userData dir,
  // which is where web mode looks too (main/paths.ts mirrors it).
  const dataDir = process.env.PILOTHOUSE_DATA_DIR ? path.resolve(process.env.PILOTHOUSE_DATA_DIR) : app.getPath('userData');
  launched = await launchCore(
    { createCore, startDemoCluster: (options) => startSim(options) },
    {
      mode: 'electron',
      version: app.getVersion(),
      paths: appPaths(dataDir),
      demoOnly: process.argv.includes('--demo'),
      log,
    },
  );
  createWindow(launched);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && launched) createWindow(launched);
  });
  // Dispose the core (informers, sockets) and stop the demo cluster before exiting.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !launched) return;
    event.preventDefault();
    disposed = true;
    void launched.dispose().finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('Pilothouse could not start:', err instanceof Error ? err.stack ?? err.message : err);
      // Started from a desktop launcher there is no terminal: say it in a window too.
      dialog.showErrorBox('Pilothouse could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
