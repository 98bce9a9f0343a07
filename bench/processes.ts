/**
 * The benchmark's child processes (simulator, web-mode servers, kubectl): every one is tracked
 * so that it is stopped at the end, on a failure and on Ctrl-C, and never outlives the run.
 * Only processes started here are ever signalled, by their own ChildProcess handle.
 */
import type { ChildProcess } from 'node:child_process';

const live = new Set<ChildProcess>();

/** Remembers `child` until it exits, so {@link killAllNow} and the signal handlers can reach it. */
export function track<T extends ChildProcess>(child: T): T {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Waits for `child` to exit, at most `ms`; true if it did. */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

/** SIGTERM (the web CLI and the simulator shut down cleanly on it), then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (exited(child)) return;
  child.kill('SIGTERM');
  if (!(await waitExit(child, graceMs))) {
    child.kill('SIGKILL');
    await waitExit(child, 2_000);
  }
}

/** Last resort (synchronous, for process 'exit'): SIGKILL whatever is still running. */
export function killAllNow(): void {
  for (const child of live) if (!exited(child)) child.kill('SIGKILL');
}

const closers = new Set<() => Promise<void>>();

/**
 * Registers an orderly shutdown (a browser, a web server, the simulator) for Ctrl-C; returns
 * the function that unregisters it once the owner has closed it itself.
 */
export function onInterrupt(close: () => Promise<void>): () => void {
  closers.add(close);
  return () => closers.delete(close);
}

/**
 * Ctrl-C / SIGTERM run the registered closers, newest first (bounded to 15 s in all), then exit
 * 130; a second signal, or process exit for any other reason, SIGKILLs the tracked children.
 */
export function installCleanup(): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      killAllNow();
      process.exit(130);
    }
    stopping = true;
    console.error(`\n${signal}: stopping the benchmark's processes…`);
    const closeAll = async () => {
      for (const close of [...closers].reverse()) await close().catch(() => undefined);
    };
    const deadline = new Promise((r) => setTimeout(r, 15_000).unref());
    void Promise.race([closeAll(), deadline]).finally(() => {
      killAllNow();
      process.exit(130);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAllNow);
}
