/**
 * The exec session over a real WebSocket and real processes (no simulator needed): channel
 * framing, exit statuses, the PTY and its resizes, and the sandbox's confinement.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Channel, negotiateProtocol, V4, V5 } from './protocol';
import { findBwrap, sandboxCommand } from './sandbox';
import { runExecSession, type ExecStreams } from './session';

let server: Server;
let port = 0;
let dataDir = '';
const target = { namespace: 'shop', pod: 'web-0', container: 'nginx' };

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'streams-exec-'));
  server = createServer();
  const wss = new WebSocketServer({ server, handleProtocols: (offered) => negotiateProtocol(offered) ?? false });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const streams: ExecStreams = { command: url.searchParams.getAll('command'), stdin: url.searchParams.has('stdin'), stdout: true, stderr: !url.searchParams.has('tty'), tty: url.searchParams.has('tty') };
    void runExecSession(ws, streams, sandboxCommand(streams.command, target, streams.tty, { dataDir }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});

afterAll(() => {
  server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Session {
  ws: WebSocket;
  output: Record<number, string>;
  closed: Promise<void>;
  waitFor(channel: number, pattern: RegExp): Promise<void>;
}

function open(query: string, protocol = V5): Promise<Session> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/exec?${query}`, [protocol]);
  const output: Record<number, string> = { 1: '', 2: '', 3: '' };
  const waiters: Array<() => void> = [];
  ws.on('message', (data: Buffer) => {
    output[data[0]] = (output[data[0]] ?? '') + data.subarray(1).toString();
    waiters.splice(0).forEach((w) => w());
  });
  const closed = new Promise<void>((resolve) => ws.on('close', () => resolve()));
  const waitFor = async (channel: number, pattern: RegExp) => {
    while (!pattern.test(output[channel] ?? '')) {
      await Promise.race([new Promise<void>((r) => waiters.push(r)), closed]);
      if (ws.readyState === ws.CLOSED && !pattern.test(output[channel] ?? '')) throw new Error(`closed before ${pattern}: ${JSON.stringify(output)}`);
    }
  };
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve({ ws, output, closed, waitFor }));
    ws.on('error', reject);
  });
}

const cmd = (...parts: string[]) => parts.map((p) => `command=${encodeURIComponent(p)}`).join('&');

describe('exec session', () => {
  it('runs a command with piped output and reports a non-zero exit code on the error channel', async () => {
    const s = await open(cmd('sh', '-c', 'echo hi; echo oops >&2; exit 3'));
    await s.closed;
    expect(s.output[1]).toBe('hi\n');
    expect(s.output[2]).toBe('oops\n');
    expect(JSON.parse(s.output[3])).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '3' }] } });
  });

  it('reports Success for exit 0, also over v4', async () => {
    const s = await open(cmd('true'), V4);
    expect(s.ws.protocol).toBe(V4);
    await s.closed;
    expect(JSON.parse(s.output[3])).toEqual({ metadata: {}, status: 'Success' });
  });

  it('feeds stdin and ends it on a v5 close of channel 0', async () => {
    const s = await open(`${cmd('sh', '-c', 'tr a-z A-Z')}&stdin`);
    s.ws.send(Buffer.concat([Buffer.from([Channel.stdin]), Buffer.from('hello sandbox\n')]));
    s.ws.send(Buffer.from([Channel.close, Channel.stdin]));
    await s.closed;
    expect(s.output[1]).toBe('HELLO SANDBOX\n');
    expect(JSON.parse(s.output[3]).status).toBe('Success');
  });

  it('answers an unknown command with the runtime error', async () => {
    const s = await open(cmd('no-such-tool'));
    await s.closed;
    expect(JSON.parse(s.output[3]).message).toContain('exec: "no-such-tool": executable file not found in $PATH');
  });

  it('gives an interactive shell on a PTY that follows resizes, confined to the scratch dir', async () => {
    const s = await open(`${cmd('sh')}&stdin&tty`);
    const send = (text: string) => s.ws.send(Buffer.concat([Buffer.from([Channel.stdin]), Buffer.from(text)]));
    s.ws.send(Buffer.concat([Buffer.from([Channel.resize]), Buffer.from(JSON.stringify({ Width: 101, Height: 33 }))]));
    send('stty size\n');
    await s.waitFor(1, /33 101/);
    s.ws.send(Buffer.concat([Buffer.from([Channel.resize]), Buffer.from(JSON.stringify({ Width: 132, Height: 50 }))]));
    send('stty size; pwd; echo "home=$HOME host=$(hostname)"; env | sort | cut -d= -f1 | tr "\\n" " "; echo\n');
    await s.waitFor(1, /50 132/);
    const scratch = join(dataDir, 'exec', 'shop', 'web-0', 'nginx');
    await s.waitFor(1, /home=\/\S* host=\S*\r\n.*TERM/);
    expect(s.output[1]).toContain(`\n${scratch}\r\n`);
    expect(s.output[1]).toContain(`home=${scratch} host=${findBwrap() ? 'web-0\r\n' : ''}`);
    expect(s.output[1]).toMatch(/HOME HOSTNAME (OLDPWD )?PATH PS1 PWD (SHELL )?(SHLVL )?TERM /);
    if (findBwrap()) {
      send('touch /usr/pwned; ls /work /root 2>&1 | head -2; echo done-$((40+2))\n');
      await s.waitFor(1, /done-42/);
      expect(s.output[1]).toMatch(/Read-only file system/);
      expect(s.output[1]).toMatch(/ls: cannot access '\/work': No such file or directory/);
    }
    send('exit 7\n');
    await s.closed;
    expect(JSON.parse(s.output[3]).details.causes[0].message).toBe('7');
  });

  it('kills the process when the socket closes', async () => {
    const s = await open(`${cmd('sh', '-c', 'echo $$; sleep 47.3')}&stdin`);
    await s.waitFor(1, /\d+\n/);
    s.ws.close();
    await s.closed;
    const started = Date.now();
    // bwrap runs the command in its own pid namespace; so look for the sleep by its scratch cwd instead.
    const { execSync } = await import('node:child_process');
    while (Date.now() - started < 5000) {
      const out = execSync('ps -eo args').toString();
      if (!out.includes('sleep 47.3')) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('process survived the closed socket');
  });
});
