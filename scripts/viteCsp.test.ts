/**
 * vite.config.ts writes the renderer's CSP into the built index.html as a <meta>, taken from
 * app/security/csp.ts like the headers of Electron and web mode (tested beside them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, PluginOption } from 'vite';
import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../app/security/csp';
import viteConfig from '../vite.config';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function cspPlugin(): Plugin {
  const flat = (options: PluginOption[]): Plugin[] =>
    options.flatMap((o) => (Array.isArray(o) ? flat(o) : o && typeof o === 'object' && 'name' in o ? [o as Plugin] : []));
  const plugin = flat(viteConfig.plugins ?? []).find((p) => p.name === 'pilothouse-csp');
  if (!plugin) throw new Error('no pilothouse-csp plugin in vite.config.ts');
  return plugin;
}

function builtIndexHtml(html: string): string {
  const hook = cspPlugin().transformIndexHtml;
  const transform = typeof hook === 'function' ? hook : hook?.handler;
  if (!transform) throw new Error('pilothouse-csp has no transformIndexHtml');
  return transform.call({} as never, html, { path: '/index.html', filename: 'index.html' }) as string;
}

describe('the built index.html', () => {
  it('carries the one policy as its <meta>', () => {
    const html = builtIndexHtml(readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8'));
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)" \/>/g)].map((m) => m[1]);
    expect(metas).toEqual([rendererCsp({ delivery: 'meta' })]);
  });

  it('fails the build if index.html has nowhere to put it', () => {
    expect(() => builtIndexHtml('<!doctype html><title>x</title>')).toThrow(/CSP/);
  });
});
