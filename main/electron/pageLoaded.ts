/**
 * The one transport-level message of the IPC channel (it never reaches the contract):
 * the preload sends it when a new document starts, before any page script runs. Messages
 * from one frame arrive in order, so main knows exactly where the old page's requests end
 * and the new page's begin (a reload restarts the renderer's request ids at 1), which no
 * navigation event of WebContents can promise.
 */
export const PAGE_LOADED = { t: 'page-loaded' } as const;

export function isPageLoaded(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { t?: unknown }).t === PAGE_LOADED.t;
}
