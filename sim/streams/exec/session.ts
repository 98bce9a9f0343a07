/**
 * One exec session: a process attached to a remote-command WebSocket. With a TTY the process
 * runs on a real pseudo-terminal (node-pty) that follows the client's resize messages; without
 * one its stdin/stdout/stderr are pipes. The exit status goes out on the error channel, then
 * the socket closes; a socket that closes first kills the process.
 */
import { spawn as spawnChild } from 'node:child_process';
import type { WebSocket } from 'ws';
import { Channel, exitStatus, frame, internalErrorStatus, parseResize, successStatus, V5 } from './protocol';
import { commandExists, type SandboxedCommand } from './sandbox';

export interface ExecStreams {
  command: string[];
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

/** The running process, whichever way it was started. */
interface Process {
  write(data: Buffer): void;
  endInput(): void;
  resize(width: number, height: number): void;
  kill(): void;
}

type PtyModule = typeof import('node-pty');
let ptyModule: Promise<PtyModule | null> | undefined;
/** node-pty is native; if it failed to build, TTY sessions fall back to util-linux `script`. */
function loadPty(): Promise<PtyModule | null> {
  ptyModule ??= import('node-pty').then((m) => ((m as { default?: PtyModule }).default ?? m) as PtyModule).catch(() => null);
  return ptyModule;
}

/** Wait after exit for output still in flight before the status is sent. */
const DRAIN_MS = 40;

/**
 * Runs the session until the process exits or the socket closes. Aborting `signal` kills the
 * process (its container stopped): the client then gets exit code 137 like from a real kubelet.
 */
export async function runExecSession(ws: WebSocket, streams: ExecStreams, sandbox: SandboxedCommand, signal?: AbortSignal): Promise<void> {
  const send = (channel: number, data: Buffer | string) => {
    if (ws.readyState === ws.OPEN) ws.send(frame(channel, data));
  };
  let finished = false;
  const finish = (status: Record<string, unknown>) => {
    if (finished) return;
    finished = true;
    setTimeout(() => {
      send(Channel.error, JSON.stringify(status));
      if (ws.readyState === ws.OPEN) ws.close(1000);
    }, DRAIN_MS);
  };
  const onExit = (code: number) => finish(code === 0 ? successStatus() : exitStatus(streams.command, code));

  if (!commandExists(streams.command[0], sandbox.cwd)) {
    const name = streams.command[0];
    finish(internalErrorStatus(`error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`));
    return;
  }

  let proc: Process | undefined;
  const handle = (message: Buffer) => {
    if (!proc || message.length === 0) return;
    const payload = message.subarray(1);
    switch (message[0]) {
      case Channel.stdin:
        if (streams.stdin) proc.write(payload);
        break;
      case Channel.resize: {
        const size = parseResize(payload);
        if (size) proc.resize(size.width, size.height);
        break;
      }
      case Channel.close:
        if (ws.protocol === V5 && payload[0] === Channel.stdin) proc.endInput();
        break;
    }
  };
  // Messages may arrive while node-pty loads; keep them in order.
  const early: Buffer[] = [];
  ws.on('message', (data: Buffer) => (proc ? handle(data) : early.push(data)));

  try {
    proc = streams.tty ? await startTty(sandbox, streams, send, onExit) : startPiped(sandbox, streams, send, onExit);
  } catch (err) {
    finish(internalErrorStatus(`error executing command in container: ${(err as Error).message}`));
    return;
  }
  const started = proc;
  if (ws.readyState !== ws.OPEN) {
    started.kill();
    return;
  }
  ws.on('close', () => {
    if (!finished) started.kill();
    finished = true;
  });
  if (signal?.aborted) started.kill();
  signal?.addEventListener('abort', () => started.kill(), { once: true });
  for (const message of early.splice(0)) handle(message);
  if (!streams.stdin) started.endInput();
}

function startPiped(sandbox: SandboxedCommand, streams: ExecStreams, send: (ch: number, data: Buffer) => void, onExit: (code: number) => void): Process {
  const child = spawnChild(sandbox.file, sandbox.args, { cwd: sandbox.cwd, env: sandbox.env, stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => streams.stdout && send(Channel.stdout, chunk));
  child.stderr.on('data', (chunk: Buffer) => streams.stderr && send(Channel.stderr, chunk));
  child.stdin.on('error', () => {});
  child.on('error', () => onExit(126));
  // 'close' (not 'exit') so all output has been read before the status goes out.
  child.on('close', (code, signal) => onExit(code ?? 128 + signalNumber(signal)));
  return {
    write: (data) => child.stdin.writable && child.stdin.write(data),
    endInput: () => child.stdin.end(),
    resize: () => {},
    kill: () => child.kill('SIGKILL'),
  };
}

async function startTty(sandbox: SandboxedCommand, streams: ExecStreams, send: (ch: number, data: Buffer | string) => void, onExit: (code: number) => void): Promise<Process> {
  const pty = await loadPty();
  if (!pty) return startScriptTty(sandbox, streams, send, onExit);
  const term = pty.spawn(sandbox.file, sandbox.args, { name: 'xterm-256color', cols: 80, rows: 24, cwd: sandbox.cwd, env: sandbox.env, encoding: null });
  term.onData((data: string | Buffer) => streams.stdout && send(Channel.stdout, typeof data === 'string' ? Buffer.from(data) : data));
  term.onExit(({ exitCode, signal }) => onExit(signal ? 128 + signal : exitCode));
  return {
    write: (data) => term.write(data.toString('utf8')),
    // A terminal has no half-close: EOT at the start of a line is what a user's Ctrl-D sends.
    endInput: () => {},
    resize: (width, height) => term.resize(width, height),
    kill: () => {
      try {
        term.kill('SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Fallback TTY through util-linux `script` (no resize support). */
function startScriptTty(sandbox: SandboxedCommand, streams: ExecStreams, send: (ch: number, data: Buffer) => void, onExit: (code: number) => void): Process {
  const quoted = [sandbox.file, ...sandbox.args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return startPiped({ ...sandbox, file: 'script', args: ['-qfec', quoted, '/dev/null'] }, { ...streams, stderr: true }, send, onExit);
}

function signalNumber(signal: NodeJS.Signals | null): number {
  const numbers: Partial<Record<NodeJS.Signals, number>> = { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15, SIGPIPE: 13 };
  return signal ? (numbers[signal] ?? 1) : 0;
}
