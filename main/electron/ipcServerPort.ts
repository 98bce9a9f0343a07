/**
 * The contract's ServerPort over Electron IPC, one per page load of a window.
 *
 * Every incoming message is checked: it must come from this window's main frame showing our
 * app (see isTrustedFrame); anything else is dropped and reported. The port closes when the
 * page goes away, because the renderer's contract client and its request ids go with it:
 * when the preload of a new document announces itself (PAGE_LOADED: reload, navigation),
 * when the renderer crashes, or when the window is destroyed. serveWebContents then opens a
 * fresh port for the next page.
 *
 * Written against the few members of ipcMain / WebContents it uses, so it is unit-tested
 * with fakes where the Electron binary is unavailable.
 */
import { IPC_CHANNEL } from '../../app/contract/bridge';
import { createPortListeners } from '../../app/contract/portListeners';
import type { ClientMessage, ServerMessage, ServerPort } from '../../app/contract/protocol';
import { isPageLoaded } from './pageLoaded';
import { APP_ORIGIN, isTrustedFrame, type FrameLike } from './trustedSender';

export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}

export type IpcListener = (event: IpcEventLike, ...args: unknown[]) => void;

export interface IpcMainLike {
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/** Events of WebContents after which the page that owned the port is gone. */
export const PAGE_GONE_EVENTS = ['render-process-gone', 'destroyed'] as const;

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  on(event: (typeof PAGE_GONE_EVENTS)[number], listener: () => void): unknown;
  removeListener(event: (typeof PAGE_GONE_EVENTS)[number], listener: () => void): unknown;
}

export interface IpcPortOptions {
  appOrigin?: string;
  /** Told about every dropped message (logging). */
  onRejected?: (reason: string) => void;
}

export interface IpcServerPort extends ServerPort {
  /** Detaches from IPC and fires close listeners (idempotent). */
  close(): void;
}

export function ipcServerPort(ipc: IpcMainLike, contents: WebContentsLike, options: IpcPortOptions = {}): IpcServerPort {
  const appOrigin = options.appOrigin ?? APP_ORIGIN;
  const listeners = createPortListeners<ClientMessage>();

  const onIpc: IpcListener = (event, message) => {
    if (event.sender.id !== contents.id) return; // Another window's message: its own port takes it.
    if (contents.isDestroyed()) return;
    if (!isTrustedFrame(event.senderFrame, contents.mainFrame, appOrigin)) {
      options.onRejected?.(`IPC message from an untrusted frame (${event.senderFrame?.url ?? 'no frame'}) dropped`);
      return;
    }
    if (isPageLoaded(message)) {
      // A new document in our window: everything this port served belonged to the old one.
      close();
      return;
    }
    // Shape is validated by serveContract (parseClientMessage); IPC already gave us plain data.
    listeners.deliver(message as ClientMessage);
  };

  const close = () => {
    if (listeners.closed) return;
    ipc.removeListener(IPC_CHANNEL, onIpc);
    for (const event of PAGE_GONE_EVENTS) contents.removeListener(event, close);
    listeners.close();
  };

  ipc.on(IPC_CHANNEL, onIpc);
  for (const event of PAGE_GONE_EVENTS) contents.on(event, close);

  return {
    send(message: ServerMessage) {
      if (listeners.closed || contents.isDestroyed()) return;
      contents.send(IPC_CHANNEL, message);
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
    close,
  };
}

/**
 * Serves a window for its whole life: a port per page load, each handed to `serve`
 * (serveContract bound to the handlers), which returns its own stop function.
 * Returns a function that stops serving this window.
 */
export function serveWebContents(
  ipc: IpcMainLike,
  contents: WebContentsLike,
  serve: (port: ServerPort) => () => void,
  options: IpcPortOptions = {},
): () => void {
  let stopped = false;
  let current: IpcServerPort | undefined;
  const open = () => {
    const port = ipcServerPort(ipc, contents, options);
    current = port;
    const stop = serve(port);
    port.onClose(() => {
      stop();
      if (!stopped && !contents.isDestroyed()) open();
    });
  };
  open();
  return () => {
    stopped = true;
    current?.close();
  };
}
