/**
 * `npm run web` as a user (or the e2e suite) runs it: a real process, its printed URL, a
 * real HTTP request with that token, and a clean stop on SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cookieFrom, rawRequest } from './testClient';

const ROOT = path.resolve(__dirname, '..', '..');
// In-process tsx (as scripts/start.mjs runs it), so SIGTERM reaches the CLI itself.
const TSX = ['--import', 'tsx'];
const URL_LINE = /^Pilothouse \(web mode\): (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))$/m;

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function runCli(args: string[], env: Record<string, string>): { child: ChildProcess; output: () => { out: string; err: string } } {
  const child = spawn(process.execPath, [...TSX, 'main/web/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, output: () => ({ out, err }) };
}

describe('npm run web', () => {
  it('rejects a bad option with a clear message and exit code 2', () => {
    const r = spawnSync(process.execPath, [...TSX, 'main/web/cli.ts', '--port', 'eighty'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--port must be a port number from 0 to 65535, got "eighty"');
  }, 60_000);

  it('prints its URL on its own line, serves with that token, and stops cleanly on SIGTERM', async () => {
    const data = mkdtempSync(path.join(tmpdir(), 'pilothouse-cli-'));
    cleanups.push(() => rmSync(data, { recursive: true, force: true }));
    const token = 'fixed-token-for-the-cli-test-0123';
    const { child, output } = runCli(['--demo', '--no-open'], { PILOTHOUSE_DATA_DIR: data, PILOTHOUSE_TOKEN: token, PILOTHOUSE_PORT: '0' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    // First run of a fresh clone builds the renderer, hence the generous wait.
    await expect.poll(() => URL_LINE.test(output().out), { timeout: 150_000, interval: 200 }).toBe(true);
    const [, url, port, printedToken] = URL_LINE.exec(output().out)!;
    expect(printedToken).toBe(token);
    expect(url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    expect(output().err).toContain('demo cluster');

    const cookie = cookieFrom(await rawRequest(Number(port), `/?token=${token}`));
    const page = await rawRequest(Number(port), '/', { Cookie: cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Pilothouse</title>');

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output().err).toContain('Stopped.');
  }, 180_000);
});
