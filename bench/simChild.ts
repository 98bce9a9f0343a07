/**
 * The parent's side of simServer.ts: forks the simulator into a process of its own (its CPU is
 * then not the clients' nor the page's) and asks it questions over the IPC channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onInterrupt, stopChild, track, waitExit } from './processes';

export interface SimInfo {
  url: string;
  caPem: string;
  /** Bearer token of the admin user. */
  token: string;
  /** Contexts sim-admin (current) and sim-viewer. */
  kubeconfigPath: string;
  /** Pods in the store once loaded. */
  pods: number;
  startMs: number;
  startCpuMs: number;
  rss: number;
}

type Reply = ({ type: 'ready' } & SimInfo) | { type: 'rss'; rss: number; heapUsed: number } | { type: 'count'; pods: number };

const here = dirname(fileURLToPath(import.meta.url));

export class SimChild {
  private unregister?: () => void;

  private constructor(
    private readonly child: ChildProcess,
    readonly info: SimInfo,
  ) {}

  /** Forks the simulator with the `scale` scenario of `pods` pods; resolves once it is loaded. */
  static async start(pods: number, timeoutMs = 600_000): Promise<SimChild> {
    const child = track(
      fork(join(here, 'simServer.ts'), [], {
        // --no-memory-reducer: V8's memory reducer runs three full GCs of the ~1 GiB heap 20–80 s
        // after the load (sim/scenarios/README.md), which would land in the middle of a measured run.
        execArgv: ['--no-memory-reducer', '--import', 'tsx'],
        env: { ...process.env, BENCH_PODS: String(pods) },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    try {
      const ready = await reply(child, 'ready', timeoutMs);
      const { type: _type, ...info } = ready;
      const sim = new SimChild(child, info);
      sim.unregister = onInterrupt(() => sim.stop());
      return sim;
    } catch (err) {
      await stopChild(child);
      throw err;
    }
  }

  /** RSS and heap of the simulator process now. */
  async memory(): Promise<{ rss: number; heapUsed: number }> {
    send(this.child, { type: 'rss' });
    const { rss, heapUsed } = await reply(this.child, 'rss', 10_000);
    return { rss, heapUsed };
  }

  /** Pods in the store now. */
  async podCount(): Promise<number> {
    send(this.child, { type: 'count' });
    return (await reply(this.child, 'count', 10_000)).pods;
  }

  /** Asks it to stop (the simulator closes its server and temp dir), SIGKILL if it lingers. */
  async stop(): Promise<void> {
    this.unregister?.();
    if (this.child.connected) send(this.child, { type: 'stop' });
    if (!(await waitExit(this.child, 10_000))) await stopChild(this.child);
  }
}

/**
 * Sends without throwing: on Ctrl-C the simulator gets the SIGINT too and may be gone already
 * (EPIPE); a reply that never comes is then reported by {@link reply}, the exit by waitExit.
 */
function send(child: ChildProcess, message: { type: string }): void {
  child.send(message, (err) => {
    if (err && child.exitCode === null && child.signalCode === null) console.error(`bench: cannot reach the simulator: ${err.message}`);
  });
}

/** The next message of `type` from the child; rejects if it exits or takes longer than `ms`. */
function reply<T extends Reply['type']>(child: ChildProcess, type: T, ms: number): Promise<Extract<Reply, { type: T }>> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    const onMessage = (m: Reply) => {
      if (m.type !== type) return;
      done();
      resolve(m as Extract<Reply, { type: T }>);
    };
    const onExit = (code: number | null, signal: string | null) => {
      done();
      reject(new Error(`the simulator exited (code ${code}, signal ${signal}) before answering "${type}"`));
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the simulator did not answer "${type}" within ${ms} ms`));
    }, ms);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
