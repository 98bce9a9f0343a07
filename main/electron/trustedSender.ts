/**
 * Who may talk to the core over IPC, and where the window may go. Pure functions (no
 * Electron import) so they are unit-tested without the Electron binary.
 *
 * The renderer is loaded from our own privileged scheme, so "our app" is exactly one origin.
 * Node's URL reports the origin of non-special schemes as "null", hence the explicit
 * protocol + host comparison.
 */

/** The custom scheme serving dist/renderer (registered as standard + secure). */
export const APP_SCHEME = 'pilothouse-app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string | undefined | null): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True when `frameUrl` is a page of our app (same scheme and host, no credentials). */
export function isTrustedSender(frameUrl: string | undefined | null, appOrigin: string = APP_ORIGIN): boolean {
  const u = parse(frameUrl);
  const origin = parse(appOrigin);
  if (!u || !origin) return false;
  if (u.username || u.password) return false;
  return u.protocol === origin.protocol && u.host === origin.host && u.host !== '';
}

/** The minimal shape of Electron's WebFrameMain we rely on. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * A message is trusted when it comes from the main frame of the window we serve (not an
 * iframe, not another window) and that frame shows our app.
 */
export function isTrustedFrame(frame: FrameLike | null | undefined, mainFrame: FrameLike, appOrigin: string = APP_ORIGIN): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false;
  return isTrustedSender(frame.url, appOrigin);
}

/**
 * Links the user clicks leave the app for the system browser, but only plain web links:
 * no file:, javascript:, custom schemes (which could launch local programs), no embedded
 * credentials. Returns the normalized URL to open, or undefined.
 */
export function safeExternalUrl(url: string): string | undefined {
  const u = parse(url);
  if (!u) return undefined;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  if (u.username || u.password || u.hostname === '') return undefined;
  return u.href;
}
