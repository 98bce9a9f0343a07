/**
 * kubectl (/usr/bin/kubectl, the version dispatcher) against the simulator's kubeconfig: specs
 * change the cluster the way an operator would, from outside the app.
 */
import { execFile } from 'node:child_process';

export interface KubectlResult {
  stdout: string;
  stderr: string;
}

export class Kubectl {
  constructor(
    private readonly kubeconfigPath: string,
    private readonly context = 'sim-admin',
  ) {}

  /** Runs kubectl; rejects with kubectl's own stderr on a non-zero exit. */
  run(args: string[], input?: string): Promise<KubectlResult> {
    const argv = ['--kubeconfig', this.kubeconfigPath, '--context', this.context, ...args];
    return new Promise((resolve, reject) => {
      const child = execFile('/usr/bin/kubectl', argv, { timeout: 30_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
        if (err) reject(new Error(`kubectl ${args.join(' ')} failed: ${stderr.trim() || err.message}`));
        else resolve({ stdout, stderr });
      });
      if (input !== undefined) child.stdin!.end(input);
    });
  }

  /** `kubectl apply -f -` of objects given as JSON (kubectl reads JSON as YAML). */
  async apply(...objects: object[]): Promise<void> {
    await this.run(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  }

  /** `kubectl get … -o json` parsed. */
  async getJson<T = { items: Array<{ metadata: { name: string; namespace?: string; labels?: Record<string, string> } }> }>(args: string[]): Promise<T> {
    const { stdout } = await this.run(['get', ...args, '-o', 'json']);
    return JSON.parse(stdout) as T;
  }

  /** Names of `kubectl get <resource> -A` (or in a namespace, with `-n`). */
  async names(args: string[]): Promise<string[]> {
    const { stdout } = await this.run(['get', ...args, '-o', 'name']);
    return stdout.split('\n').filter(Boolean).map((l) => l.slice(l.indexOf('/') + 1));
  }
}

/** A pod that the simulator schedules and runs like any other (image and command are not pulled). */
export function podManifest(namespace: string, name: string, labels: Record<string, string> = {}, annotations: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels, annotations },
    spec: { containers: [{ name: 'main', image: 'registry.example/e2e/app:1.0', ports: [{ containerPort: 8080 }] }] },
  };
}
