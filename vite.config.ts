/**
 * Builds the renderer: renderer/index.html → dist/renderer (served by web mode, loaded by Electron).
 * Output is strict-CSP compatible: external module scripts and stylesheets only (no inline
 * script or style, no eval); the Content-Security-Policy meta is injected at build time only,
 * because Vite's dev server needs an inline preamble for fast refresh.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
// With its extension: Vite's coming native config loader resolves no extensionless imports.
import { rendererCsp } from './app/security/csp.ts';

// The policy web mode and Electron also send as a header (app/security/csp.ts), in the page
// itself, so the built page keeps it however it is served.
const CHARSET_META = '<meta charset="UTF-8" />';

function injectCsp(): Plugin {
  return {
    name: 'pilothouse-csp',
    apply: 'build',
    transformIndexHtml(html) {
      // Fail the build rather than ship a page without its policy.
      if (!html.includes(CHARSET_META)) throw new Error(`renderer/index.html has no ${CHARSET_META} to put the CSP after`);
      const policy = rendererCsp({ delivery: 'meta' });
      return html.replace(CHARSET_META, `${CHARSET_META}\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`);
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
