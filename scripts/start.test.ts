import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

interface BinaryState {
  ok: boolean;
  reason?: string;
  binary?: string;
}
interface StartModule {
  ROOT: string;
  BUILD_OUTPUTS: string[];
  buildReason(root: string): string | undefined;
  electronBinary(root: string): BinaryState;
  canRunElectronInstaller(nodeVersion: string): boolean;
  hasDisplay(platform: string, env: Record<string, string | undefined>): boolean;
  chooseLaunch(input: { binary: BinaryState; display: boolean }): { mode: 'electron' | 'web'; reason?: string; binary?: string };
}

// start.mjs is plain JavaScript (it must run before anything is built or transpiled);
// a non-literal specifier keeps TypeScript from asking for its declarations.
const modulePath = './start.mjs';
let start: StartModule;
beforeAll(async () => {
  start = (await import(/* @vite-ignore */ modulePath)) as StartModule;
});

const temps: string[] = [];
function tempRoot(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pilothouse-start-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

function write(root: string, rel: string, mtimeSec: number) {
  const file = path.join(root, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, '');
  utimesSync(file, mtimeSec, mtimeSec);
}

describe('npm start: build decision', () => {
  it('builds when an output is missing', () => {
    const root = tempRoot();
    write(root, 'main/x.ts', 1000);
    expect(start.buildReason(root)).toBe('missing dist/electron/main.cjs');
  });

  it('builds when a source is newer than the outputs, not when only tests changed', () => {
    const root = tempRoot();
    for (const out of start.BUILD_OUTPUTS) write(root, out, 2000);
    write(root, 'main/x.ts', 1000);
    expect(start.buildReason(root)).toBeUndefined();
    write(root, 'main/x.test.ts', 3000);
    expect(start.buildReason(root)).toBeUndefined();
    write(root, 'renderer/App.tsx', 3000);
    expect(start.buildReason(root)).toBe('sources changed since the last build');
  });
});

describe('npm start: Electron or web mode', () => {
  it('finds the binary through node_modules/electron/path.txt', () => {
    const root = tempRoot();
    expect(start.electronBinary(root)).toMatchObject({ ok: false, reason: expect.stringContaining('path.txt is missing') });
    write(root, 'node_modules/electron/path.txt', 1000);
    writeFileSync(path.join(root, 'node_modules/electron/path.txt'), 'electron');
    expect(start.electronBinary(root)).toMatchObject({ ok: false, reason: expect.stringContaining('binary is missing') });
    write(root, 'node_modules/electron/dist/electron', 1000);
    expect(start.electronBinary(root)).toEqual({ ok: true, binary: path.join(root, 'node_modules/electron/dist/electron') });
  });

  it('knows this repository has no Electron binary (it cannot be downloaded here)', () => {
    // On a machine with the binary installed this documents the other branch instead.
    const state = start.electronBinary(start.ROOT);
    if (!state.ok) expect(state.reason).toMatch(/not installed|missing/);
    else expect(state.binary).toContain('electron');
  });

  it('runs electron/install.js only on Node >= 22.12', () => {
    expect(start.canRunElectronInstaller('20.20.0')).toBe(false);
    expect(start.canRunElectronInstaller('22.11.0')).toBe(false);
    expect(start.canRunElectronInstaller('22.12.0')).toBe(true);
    expect(start.canRunElectronInstaller('24.1.0')).toBe(true);
  });

  it('falls back to web mode, saying why', () => {
    expect(start.chooseLaunch({ binary: { ok: false, reason: 'no binary' }, display: true })).toEqual({ mode: 'web', reason: 'no binary' });
    expect(start.chooseLaunch({ binary: { ok: true, binary: '/e' }, display: false })).toMatchObject({ mode: 'web', reason: expect.stringContaining('no display') });
    expect(start.chooseLaunch({ binary: { ok: true, binary: '/e' }, display: true })).toEqual({ mode: 'electron', binary: '/e' });
    expect(start.hasDisplay('linux', {})).toBe(false);
    expect(start.hasDisplay('linux', { WAYLAND_DISPLAY: 'w' })).toBe(true);
  });
});
