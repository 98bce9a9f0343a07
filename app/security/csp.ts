/**
 * The renderer's Content-Security-Policy, for every way the page is served: the <meta> tag the
 * build writes into index.html, the header of Electron's app scheme and the header of web mode.
 * It is built here only, so a page served one way can never be looser than the others, and a
 * feature that needs more (an editor's or a terminal's injected <style>) changes it once.
 */

export interface CspOptions {
  /**
   * A <meta> policy may not carry frame-ancestors (browsers ignore it there and warn), so only
   * the header forbids framing; both are sent wherever there is a server to send a header.
   */
  delivery: 'header' | 'meta';
  /**
   * Origins besides our own the page may connect to: web mode's WebSocket, spelled out because
   * not every engine lets 'self' cover ws:. Electron reaches the core over IPC and needs none.
   */
  connectTo?: readonly string[];
}

interface Directive {
  name: string;
  sources: readonly string[];
  headerOnly?: boolean;
}

const SELF = "'self'";
const NONE = "'none'";

/**
 * The whole policy. Nothing inline and no eval: scripts and styles come only from our own
 * files. When CodeMirror 6 or xterm.js arrive, their <style> elements get a per-response nonce
 * in style-src (CodeMirror takes it as EditorView.cspNonce), never 'unsafe-inline'; a nonce
 * cannot be baked into the build's <meta>, so that change also decides how index.html is served.
 */
function directives(connectTo: readonly string[]): Directive[] {
  return [
    { name: 'default-src', sources: [SELF] },
    { name: 'script-src', sources: [SELF] },
    { name: 'style-src', sources: [SELF] },
    { name: 'img-src', sources: [SELF, 'data:'] },
    { name: 'font-src', sources: [SELF, 'data:'] },
    { name: 'connect-src', sources: [SELF, ...connectTo] },
    { name: 'object-src', sources: [NONE] },
    { name: 'base-uri', sources: [NONE] },
    { name: 'frame-ancestors', sources: [NONE], headerOnly: true },
    { name: 'form-action', sources: [NONE] },
  ];
}

// A scheme, a host and maybe a port: nothing that could end a source list (`;`, `,`, space),
// widen it (`*`, a bare scheme, a keyword) or break the header or the attribute it goes into.
const ORIGIN = /^(?:wss?|https?):\/\/(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function rendererCsp(options: CspOptions): string {
  const connectTo = options.connectTo ?? [];
  for (const origin of connectTo) {
    if (!ORIGIN.test(origin)) throw new TypeError(`Not an origin for connect-src: ${JSON.stringify(origin)}`);
  }
  return directives(connectTo)
    .filter((d) => options.delivery === 'header' || !d.headerOnly)
    .map((d) => `${d.name} ${d.sources.join(' ')}`)
    .join('; ');
}
