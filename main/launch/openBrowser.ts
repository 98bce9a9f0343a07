/**
 * Opens a URL in the user's default browser, the way each platform does it, and only where
 * a browser can be shown at all (a headless Linux box has no DISPLAY / WAYLAND_DISPLAY).
 */
import { spawn } from 'node:child_process';

export function hasDisplay(platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that opens `url` with the desktop's default handler. */
export function browserCommand(platform: NodeJS.Platform, url: string): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` is a cmd built-in; the empty "" is the window title it would otherwise take from the URL.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Starts the browser detached; resolves false (never throws) when that is not possible. */
export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (!/^https?:\/\//.test(url)) return Promise.resolve(false);
  const { command, args } = browserCommand(platform, url);
  return new Promise((resolve) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
