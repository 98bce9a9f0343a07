/**
 * Test helper: a simulator started with `startSim` and the real /usr/bin/kubectl pointed at it.
 * kubectl runs asynchronously (execFile), so the in-process API server keeps serving meanwhile.
 */
import { execFile, spawn } from 'node:child_process';
import { startSim, type RunningSim } from '../index';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface SimWithKubectl {
  sim: RunningSim;
  /** Runs kubectl; rejects with stdout/stderr when it exits non-zero. */
  kubectl(...args: string[]): Promise<string>;
  /** Runs kubectl and resolves with its exit code and output, whatever they are. */
  kubectlResult(...args: string[]): Promise<KubectlResult>;
  /** `kubectl apply -f -` with `yaml` on stdin. */
  apply(yaml: string, ...args: string[]): Promise<string>;
  /** Polls `check` (sync or async) until truthy or throws after `ms`. */
  until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, ms?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function startSimWithKubectl(options: Record<string, unknown>): Promise<SimWithKubectl> {
  const sim = await startSim(options as never);
  const kubectlResult = (...args: string[]) =>
    new Promise<KubectlResult>((resolve) => {
      execFile('kubectl', ['--kubeconfig', sim.kubeconfigPath, ...args], { maxBuffer: 256 * 2 ** 20, timeout: 120_000 }, (err, stdout, stderr) => {
        const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  return {
    sim,
    kubectlResult,
    kubectl: async (...args) => {
      const r = await kubectlResult(...args);
      if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
      return r.stdout;
    },
    until: async (check, ms = 20_000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const v = await check();
        if (v) return v;
        if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    apply: (yaml, ...args) =>
      new Promise<string>((resolve, reject) => {
        const child = spawn('kubectl', ['--kubeconfig', sim.kubeconfigPath, 'apply', ...args, '-f', '-']);
        let out = '';
        let err = '';
        child.stdout.on('data', (d: Buffer) => (out += d));
        child.stderr.on('data', (d: Buffer) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`kubectl apply exited ${code}: ${err}`))));
        child.stdin.end(yaml);
      }),
    stop: () => sim.stop(),
  };
}
