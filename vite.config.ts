/**
 * Builds the renderer: renderer/index.html → dist/renderer (served by web mode, loaded by Electron).
 * Output is strict-CSP compatible: external module scripts and stylesheets only (no inline
 * script or style, no eval); the Content-Security-Policy meta is injected at build time only,
 * because Vite's dev server needs an inline preamble for fast refresh.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer's CSP: everything from our own origin, the core's WebSocket on the same origin. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function injectCsp(): Plugin {
  return {
    name: 'pilothouse-csp',
    apply: 'build',
    transformIndexHtml(html) {
      // frame-ancestors is ignored in a meta tag; web mode also sends it as a header.
      const policy = RENDERER_CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')).join('; ');
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), injectCsp()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The preload polyfill would be inlined; modern Chromium/Electron support modulepreload.
    modulePreload: { polyfill: false },
    // Never inline assets as data: URLs into scripts/styles we do not need them in.
    assetsInlineLimit: 0,
    // One ~530 kB bundle loaded from disk/loopback, never over a network: splitting buys nothing.
    chunkSizeWarningLimit: 1024,
  },
});
