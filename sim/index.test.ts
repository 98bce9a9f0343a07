import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSim } from './index';

/** Resolves true if something accepts TCP connections on 127.0.0.1:port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A port that was free a moment ago (to know where a failing start had bound). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

// A private TMPDIR (os.tmpdir() reads it on every call), so "no temp dir left" is checked
// without racing other test runs that share /tmp.
let privateTmp = '';
let savedTmp: string | undefined;
beforeEach(() => {
  privateTmp = mkdtempSync(join(tmpdir(), 'sim-index-test-'));
  savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(privateTmp, { recursive: true, force: true });
});

describe('startSim lifecycle', () => {
  it('puts the temp data dir it made into ctx.options and removes it (and the listener) on stop', async () => {
    const sim = await startSim({ scenario: 'empty', controllers: false });
    const dataDir = sim.ctx.options.dataDir!;
    expect(dataDir.startsWith(join(privateTmp, 'pilothouse-sim-'))).toBe(true);
    expect(sim.kubeconfigPath).toBe(join(dataDir, 'kubeconfig'));
    expect(existsSync(sim.kubeconfigPath)).toBe(true);
    // Plug-ins use it instead of making their own temp dirs: the run's only one.
    expect(readdirSync(privateTmp)).toEqual([dataDir.slice(privateTmp.length + 1)]);
    expect(await listening(sim.port)).toBe(true);
    await sim.stop();
    expect(existsSync(dataDir)).toBe(false);
    expect(await listening(sim.port)).toBe(false);
    await sim.stop(); // idempotent
  });

  it('keeps a data dir the caller gave', async () => {
    const dir = join(privateTmp, 'mine');
    const sim = await startSim({ scenario: 'empty', controllers: false, dataDir: dir });
    expect(sim.ctx.options.dataDir).toBe(dir);
    await sim.stop();
    expect(existsSync(join(dir, 'kubeconfig'))).toBe(true);
  });

  it('a start failing after the server bound (bad --service-proxy-upstreams) leaves no listener or temp dir', async () => {
    const port = await freePort();
    await expect(startSim({ scenario: 'empty', controllers: false, port, serviceProxyUpstreams: 'not-a-pair' })).rejects.toThrow(
      '--service-proxy-upstreams: expected namespace/service[:port]=url, got "not-a-pair"',
    );
    expect(await listening(port)).toBe(false);
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('a start failing in the scenario (unknown name) stops controllers, server and temp dir', async () => {
    const port = await freePort();
    await expect(startSim({ scenario: 'nonesuch', port })).rejects.toThrow('unknown scenario "nonesuch" (expected one of: demo, scale, minimal, empty)');
    expect(await listening(port)).toBe(false);
    expect(readdirSync(privateTmp)).toEqual([]);
  });
});
