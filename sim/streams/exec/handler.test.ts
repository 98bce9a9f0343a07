/**
 * Exec through the real path: the simulator on a free port, the real kubectl (non-interactive,
 * and interactive inside a real PTY via node-pty, resized like a terminal window) and
 * @kubernetes/client-node's Exec.
 */
import { Exec, KubeConfig, type V1Status } from '@kubernetes/client-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { spawn as spawnPty } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, startTestSim, waitUntil, type TestSim } from '../testSim';
import { findBwrap } from './sandbox';

let t: TestSim;
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'streams-exec-sim-'));
  t = await startTestSim({ dataDir });
  await t.kubectl(['run', 'web', '--image=nginx:1.27']);
  await t.waitForPod('default', 'web', isRunning);
});

afterAll(async () => {
  await t?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('kubectl exec', () => {
  it('returns output and the exit code of a non-interactive command', async () => {
    const res = await t.kubectl(['exec', 'web', '--', 'sh', '-c', 'echo hi; echo oops >&2; exit 3']);
    expect(res.stdout).toBe('hi\n');
    expect(res.stderr).toContain('oops');
    expect(res.stderr).toContain('command terminated with exit code 3');
    expect(res.code).toBe(3);
    expect((await t.kubectl(['exec', 'web', '--', 'true'])).code).toBe(0);
  });

  it('passes stdin through and ends it (v5 close)', async () => {
    const res = await t.kubectl(['exec', '-i', 'web', '--', 'sh', '-c', 'tr a-z A-Z; echo done'], 'piped input\n');
    expect(res.stdout).toBe('PIPED INPUT\ndone\n');
    expect(res.code).toBe(0);
  });

  it('keeps files in the container scratch dir between sessions, and nothing of the host is reachable', async () => {
    await t.kubectl(['exec', 'web', '--', 'sh', '-c', 'echo kept > note.txt']);
    const again = await t.kubectl(['exec', 'web', '--', 'sh', '-c', 'cat note.txt; pwd; echo "$HOME"']);
    const scratch = join(dataDir, 'exec', 'default', 'web', 'web');
    expect(again.stdout).toBe(`kept\n${scratch}\n${scratch}\n`);
    const env = await t.kubectl(['exec', 'web', '--', 'env']);
    expect(env.stdout).not.toMatch(/KUBECONFIG|VITEST|npm_/);
    if (!findBwrap()) return;
    // The sim's data dir (kubeconfig, tokens) is invisible: only the path down to the scratch dir exists.
    const probe = await t.kubectl(['exec', 'web', '--', 'sh', '-c', `ls -A ${dataDir}; cat ${dataDir}/kubeconfig 2>&1; touch /usr/x 2>&1; cat /etc/shadow 2>&1; hostname`]);
    expect(probe.stdout).toMatch(/^exec\n/);
    expect(probe.stdout).toContain(`cat: ${dataDir}/kubeconfig: No such file or directory`);
    expect(probe.stdout).toContain('Read-only file system');
    expect(probe.stdout).toContain('No such file or directory');
    expect(probe.stdout.trimEnd().split('\n').pop()).toBe('web');
  });

  it('fails like a real cluster for unknown pods, commands and stopped containers', async () => {
    const pod = await t.kubectl(['exec', 'nosuch', '--', 'true']);
    expect(pod.stderr).toContain('pods "nosuch" not found');
    const cmd = await t.kubectl(['exec', 'web', '--', 'no-such-tool']);
    expect(cmd.code).not.toBe(0);
    expect(cmd.stderr).toContain('executable file not found in $PATH');
    await t.kubectl(['run', 'pull', '--image=ghcr.io/acme/does-not-exist:1.0']);
    await t.waitForPod('default', 'pull', (p) => !!(p.spec as { nodeName?: string }).nodeName);
    const waiting = await t.kubectl(['exec', 'pull', '--', 'true']);
    expect(waiting.code).not.toBe(0);
    expect(waiting.stderr).toContain('container not found ("pull")');
  });

  it('gives an interactive shell on a TTY that follows window resizes', async () => {
    const term = spawnPty('kubectl', ['exec', '-it', 'web', '--', 'sh'], { name: 'xterm', cols: 100, rows: 30, cwd: dataDir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dataDir, KUBECONFIG: t.sim.kubeconfigPath, TERM: 'xterm' } });
    let screen = '';
    term.onData((d) => (screen += d));
    const exited = new Promise<number>((resolve) => term.onExit(({ exitCode }) => resolve(exitCode)));
    const scratch = join(dataDir, 'exec', 'default', 'web', 'web');
    await waitUntil(() => screen.includes(`web:${scratch}#`) || screen.includes(`web:${scratch}$`), 20_000, 'the prompt');
    term.write('stty size\r');
    await waitUntil(() => /\r\n30 100\r\n/.test(screen), 10_000, 'stty size 30 100');
    term.resize(132, 43);
    // The resize reaches the shell asynchronously (SIGWINCH → kubectl → channel 4 → PTY).
    await waitUntil(async () => {
      term.write('stty size\r');
      await new Promise((r) => setTimeout(r, 300));
      return /\r\n43 132\r\n/.test(screen);
    }, 10_000, 'stty size 43 132');
    term.write('pwd\r');
    await waitUntil(() => screen.includes(`\r\n${scratch}\r\n`), 10_000, 'pwd');
    term.write('exit 5\r');
    expect(await exited).toBe(5);
  });
});

describe('exec and the container lifecycle', () => {
  it('ends the session with exit code 137 when the pod is deleted', async () => {
    await t.kubectl(['run', 'doomed', '--image=nginx:1.27']);
    await t.waitForPod('default', 'doomed', isRunning);
    const child = t.spawnKubectl(['exec', 'doomed', '--', 'sh', '-c', 'echo started; sleep 60']);
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    await waitUntil(() => out.includes('started'), 20_000, 'the command to start');
    await t.kubectl(['delete', 'pod', 'doomed', '--wait=false']);
    expect(await exited).toBe(137);
    expect(err).toContain('command terminated with exit code 137');
  });
});

describe('client-node Exec', () => {
  it('streams stdout/stderr and reports the exit code in the status', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(t.sim.kubeconfigPath);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stderr.on('data', (d: Buffer) => (err += d.toString()));
    const status = await new Promise<V1Status>((resolve) => {
      void new Exec(kc).exec('default', 'web', 'web', ['sh', '-c', 'echo out; echo err >&2; exit 4'], stdout, stderr, null, false, resolve);
    });
    expect(status).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '4' }] } });
    await waitUntil(() => out === 'out\n' && err === 'err\n', 5000, 'output');
  });
});
