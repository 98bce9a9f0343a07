/**
 * A stand-in for the `electron` module, just large enough to run the bundled main process
 * (dist/electron/main.cjs) under plain Node where the Electron binary is unavailable. It
 * records what main asked Electron to do (window options, protocol and session handlers,
 * IPC sends), so tests can check the shell's wiring end to end with the real core behind it.
 */
import { EventEmitter } from 'node:events';

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: unknown[][] = [];
  destroyed = false;
  windowOpenHandler?: (details: { url: string }) => { action: string };
  loadedUrl?: string;
  readonly mainFrame: { url: string; parent: null; processId: number; routingId: number };
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null, processId: 100 + this.id, routingId: 1 };
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(...args: unknown[]) {
    this.sent.push(structuredClone(args));
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  async loadURL(url: string) {
    this.webContents.loadedUrl = url;
    this.webContents.mainFrame.url = url;
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
}

export interface FakeElectron {
  module: Record<string, unknown>;
  app: EventEmitter & { quitCalls: number; exitCode?: number };
  ipcMain: EventEmitter;
  privilegedSchemes: unknown[];
  protocolHandlers: Map<string, (request: { url: string; method: string }) => Promise<Response>>;
  permissionRequestHandler?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
  permissionCheckHandler?: () => boolean;
  headersHandler?: (details: { responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  openedExternally: string[];
  errorBoxes: string[];
  sandboxEnabled: boolean;
  windows: FakeBrowserWindow[];
}

export function createFakeElectron(options: { appPath: string; userData: string; version: string }): FakeElectron {
  FakeBrowserWindow.created = [];
  const app = Object.assign(new EventEmitter(), { quitCalls: 0, exitCode: undefined as number | undefined });
  const fake: FakeElectron = {
    module: {},
    app,
    ipcMain: new EventEmitter(),
    privilegedSchemes: [],
    protocolHandlers: new Map(),
    openedExternally: [],
    errorBoxes: [],
    sandboxEnabled: false,
    windows: FakeBrowserWindow.created,
  };
  Object.assign(app, {
    enableSandbox: () => (fake.sandboxEnabled = true),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => options.appPath,
    getVersion: () => options.version,
    getPath: (name: string) => (name === 'userData' ? options.userData : `${options.userData}/${name}`),
    quit: () => {
      app.quitCalls++;
    },
    exit: (code: number) => {
      app.exitCode = code;
    },
  });
  fake.module = {
    app,
    ipcMain: fake.ipcMain,
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: FakeElectron['protocolHandlers'] extends Map<string, infer H> ? H : never) =>
        fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: FakeElectron['permissionRequestHandler']) => (fake.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: FakeElectron['permissionCheckHandler']) => (fake.permissionCheckHandler = h),
        webRequest: { onHeadersReceived: (h: FakeElectron['headersHandler']) => (fake.headersHandler = h) },
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => fake.errorBoxes.push(`${title}: ${content}`),
    },
    shell: {
      openExternal: async (url: string) => {
        fake.openedExternally.push(url);
      },
    },
  };
  return fake;
}
