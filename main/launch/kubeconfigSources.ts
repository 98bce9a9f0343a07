/**
 * Which kubeconfig files Pilothouse reads, decided as kubectl decides: the `$KUBECONFIG`
 * list (path-delimiter separated, empty entries ignored, first occurrence wins) when it is
 * set and non-empty, else `~/.kube/config`. When none of those files exists, or the user
 * asked for it (`--demo`), the built-in demo cluster is started instead.
 */
import path from 'node:path';

export interface KubeconfigEnvironment {
  env: Record<string, string | undefined>;
  homedir: string;
  /** `path.delimiter` of the platform (":" or ";"). */
  delimiter: string;
  exists(file: string): boolean;
}

export interface KubeconfigPlan {
  /** Files handed to the core; it also watches them, so a file created later is picked up. */
  kubeconfigPaths: string[];
  /** Where the list came from, for the start-up message. */
  source: 'KUBECONFIG' | 'default' | 'demo-only';
  /** Start the built-in demo cluster. */
  demo: boolean;
}

/** The kubeconfig files kubectl would read, in merge order. */
export function kubectlKubeconfigPaths(e: Pick<KubeconfigEnvironment, 'env' | 'homedir' | 'delimiter'>): {
  paths: string[];
  source: 'KUBECONFIG' | 'default';
} {
  const list = e.env.KUBECONFIG;
  if (list && list.trim() !== '') {
    const seen = new Set<string>();
    const paths: string[] = [];
    for (const entry of list.split(e.delimiter)) {
      if (entry.trim() === '') continue;
      const abs = path.resolve(entry);
      if (seen.has(abs)) continue;
      seen.add(abs);
      paths.push(abs);
    }
    if (paths.length > 0) return { paths, source: 'KUBECONFIG' };
  }
  return { paths: [path.join(e.homedir, '.kube', 'config')], source: 'default' };
}

/** The kubeconfig files to read and whether to start the demo cluster. */
export function planKubeconfigs(e: KubeconfigEnvironment, options: { demo?: boolean } = {}): KubeconfigPlan {
  // `--demo` means "just the demo": a predictable cluster for a first look, talks and e2e,
  // with no chance of touching a real cluster by accident.
  if (options.demo) return { kubeconfigPaths: [], source: 'demo-only', demo: true };
  const { paths, source } = kubectlKubeconfigPaths(e);
  return { kubeconfigPaths: paths, source, demo: !paths.some((p) => e.exists(p)) };
}
