/**
 * The preload script (sandboxed, context-isolated): exposes exactly one object,
 * `window.pilothouse` (PreloadBridge), to the page. The page never gets ipcRenderer, the
 * IPC event object or any other channel: it can only post contract envelopes on our one
 * channel and receive the core's replies. Main checks the sender of every message anyway.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, type PreloadBridge } from '../../app/contract/bridge';
import type { ClientMessage, ServerMessage } from '../../app/contract/protocol';
import { PAGE_LOADED } from './pageLoaded';

const bridge: PreloadBridge = {
  transport: 'ipc',
  send(message: ClientMessage) {
    ipcRenderer.send(IPC_CHANNEL, message);
  },
  onMessage(listener: (message: ServerMessage) => void) {
    // Wrap so the page's function never receives the IPC event (which exposes `sender`).
    const wrapped = (_event: IpcRendererEvent, message: ServerMessage) => listener(message);
    ipcRenderer.on(IPC_CHANNEL, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNEL, wrapped);
    };
  },
};

// Before any page script can send a request: tells main that a new document begins here.
ipcRenderer.send(IPC_CHANNEL, PAGE_LOADED);
contextBridge.exposeInMainWorld('pilothouse', bridge);
