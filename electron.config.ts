/**
 * `npm run build`: builds everything the desktop app loads.
 *   main/electron/main.ts    → dist/electron/main.cjs     (the Electron main process)
 *   main/electron/preload.ts → dist/electron/preload.cjs  (the sandboxed preload)
 *   renderer/                → dist/renderer/             (vite, see vite.config.ts)
 * Main and preload are bundled with esbuild to CommonJS for Electron's Node (22): a sandboxed
 * preload cannot load modules at all except `electron`, and one self-contained main file
 * starts faster than thousands of module lookups.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export const REPO_ROOT = path.dirname(fileURLToPath(import.meta.url));

/**
 * Left to Node's require at run time: Electron itself, and native addons (a .node binary
 * cannot be bundled; node-pty runs the demo cluster's exec shells). ws's optional native
 * accelerators are absent on purpose; ws falls back to JavaScript.
 */
export const ELECTRON_EXTERNALS = ['electron', 'node-pty', 'bufferutil', 'utf-8-validate'];

export interface BundleResult {
  mainFile: string;
  preloadFile: string;
}

function common(root: string): BuildOptions {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: 'linked',
    external: ELECTRON_EXTERNALS,
    logLevel: 'warning',
    legalComments: 'none',
  };
}

/** Bundles the Electron main process and preload into `outDir` (default dist/electron). */
export async function bundleElectron(options: { root?: string; outDir?: string } = {}): Promise<BundleResult> {
  const root = options.root ?? REPO_ROOT;
  const outDir = options.outDir ?? path.join(root, 'dist', 'electron');
  const mainFile = path.join(outDir, 'main.cjs');
  const preloadFile = path.join(outDir, 'preload.cjs');
  await build({
    ...common(root),
    entryPoints: [path.join(root, 'main/electron/main.ts')],
    outfile: mainFile,
    // ESM sources may use import.meta.url (e.g. to find files beside them); CommonJS has no
    // import.meta, so give it the bundle's own file URL.
    banner: { js: 'const __importMetaUrl = require("url").pathToFileURL(__filename).href;' },
    define: { 'import.meta.url': '__importMetaUrl' },
  });
  await build({
    ...common(root),
    entryPoints: [path.join(root, 'main/electron/preload.ts')],
    outfile: preloadFile,
    // Sandboxed preloads may require only 'electron' (and a few polyfilled built-ins).
    external: ['electron'],
  });
  return { mainFile, preloadFile };
}

/** Builds the renderer with vite into dist/renderer. */
export async function buildRenderer(root: string = REPO_ROOT): Promise<void> {
  const { build: viteBuild } = await import('vite');
  const cwd = process.cwd();
  // vite.config.ts gives `root: 'renderer'`, which vite resolves against the working directory.
  process.chdir(root);
  try {
    await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  } finally {
    process.chdir(cwd);
  }
}

async function main() {
  const started = Date.now();
  const { mainFile, preloadFile } = await bundleElectron();
  console.log(`built ${path.relative(REPO_ROOT, mainFile)} and ${path.relative(REPO_ROOT, preloadFile)}`);
  await buildRenderer();
  console.log(`built dist/renderer (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
