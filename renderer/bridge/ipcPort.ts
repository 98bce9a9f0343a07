/** A ClientPort over the Electron preload bridge (`window.pilothouse`). IPC never drops. */
import type { PreloadBridge } from '../../app/contract/bridge';
import type { ClientPort } from '../../app/contract/protocol';

export function ipcPort(bridge: PreloadBridge): ClientPort {
  return {
    send: (message) => bridge.send(message),
    onMessage: (listener) => bridge.onMessage(listener),
    // The renderer lives exactly as long as its IPC channel: there is no close to report.
    onClose: () => () => {},
  };
}

/** The preload bridge if we run inside Electron, else undefined (web mode). */
export function findPreloadBridge(win: Window): PreloadBridge | undefined {
  const candidate = (win as Window & { pilothouse?: PreloadBridge }).pilothouse;
  return candidate && candidate.transport === 'ipc' ? candidate : undefined;
}
