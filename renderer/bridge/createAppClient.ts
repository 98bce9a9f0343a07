/**
 * Builds the app's one contract client: Electron IPC when the preload bridge is present,
 * else a (reconnecting) WebSocket to the web-mode core on the page's own origin.
 */
import { findPreloadBridge, ipcPort } from './ipcPort';
import { createResilientClient, type ResilientClient } from './resilientClient';
import { openWebSocketPort, webSocketUrl } from './webSocketPort';

export function createAppClient(win: Window): ResilientClient {
  const bridge = findPreloadBridge(win);
  if (bridge) {
    const port = ipcPort(bridge);
    return createResilientClient({ openPort: () => ({ port, opened: Promise.resolve() }) });
  }
  const url = webSocketUrl(win.location);
  return createResilientClient({
    openPort: () => {
      const port = openWebSocketPort(url);
      return { port, opened: port.opened };
    },
  });
}

/**
 * The one-time `?token=` of the launch URL has done its job once the core has set its cookie
 * (the socket opened); drop it from the address bar so it is not bookmarked or shared.
 */
export function forgetLaunchToken(win: Window): void {
  const url = new URL(win.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
}
