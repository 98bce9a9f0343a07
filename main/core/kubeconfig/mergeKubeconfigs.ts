/**
 * Reads several kubeconfig files and merges them the way kubectl does: for clusters, users and
 * contexts the first file that defines a name wins; current-context comes from the first file
 * that sets it. A file that cannot be read or parsed becomes a problem; the others still load.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseKubeconfig } from './parseKubeconfig';
import type { FileProblem, KubeCluster, KubeconfigIssue, KubeUser, ParsedKubeconfig, ResolvedContext } from './types';

export interface KubeconfigSource {
  path: string;
  /** Contexts of this file are the built-in demo cluster. */
  demo?: boolean;
}

export interface MergedKubeconfig {
  contexts: ResolvedContext[];
  currentContext?: string;
  problems: FileProblem[];
}

/** $KUBECONFIG split by the platform's path delimiter, else ~/.kube/config (kubectl's rule). */
export function defaultKubeconfigPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.KUBECONFIG ?? '').split(path.delimiter).filter((p) => p.trim() !== '');
  if (fromEnv.length > 0) return [...new Set(fromEnv.map((p) => expandHome(p)))];
  return [path.join(os.homedir(), '.kube', 'config')];
}

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : path.resolve(p);
}

/** Largest kubeconfig we read; anything bigger is surely not one (and would be costly to parse). */
const MAX_KUBECONFIG_BYTES = 16 * 1024 * 1024;

export async function readKubeconfigFile(source: KubeconfigSource): Promise<ParsedKubeconfig> {
  const file = source.path;
  const empty: ParsedKubeconfig = { file, clusters: [], users: [], contexts: [], problems: [], demo: source.demo };
  let text: string;
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return { ...empty, problems: [{ file, message: 'Not a regular file', display: { code: 'kubeconfig-not-file' } }] };
    if (stat.size > MAX_KUBECONFIG_BYTES) {
      return { ...empty, problems: [{ file, message: `File too large (${stat.size} bytes)`, display: { code: 'kubeconfig-too-large', params: { bytes: stat.size } } }] };
    }
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // kubectl silently skips files named in $KUBECONFIG that do not exist; so do we.
    if (code === 'ENOENT') return empty;
    const detail = (err as Error).message;
    return { ...empty, problems: [{ file, message: `Cannot read the file: ${detail}`, display: { code: 'kubeconfig-unreadable' }, detail }] };
  }
  return { ...parseKubeconfig(file, text), demo: source.demo };
}

export function mergeKubeconfigs(files: ParsedKubeconfig[]): MergedKubeconfig {
  const clusters = new Map<string, KubeCluster>();
  const users = new Map<string, KubeUser>();
  const contexts = new Map<string, { ctx: ParsedKubeconfig['contexts'][number]; demo: boolean }>();
  const problems: MergedKubeconfig['problems'] = [];
  let currentContext: string | undefined;
  for (const f of files) {
    problems.push(...f.problems);
    for (const c of f.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of f.users) if (!users.has(u.name)) users.set(u.name, u);
    for (const c of f.contexts) if (!contexts.has(c.name)) contexts.set(c.name, { ctx: c, demo: f.demo === true });
    if (currentContext === undefined && f.currentContext) currentContext = f.currentContext;
  }
  const resolved: ResolvedContext[] = [];
  for (const { ctx, demo } of contexts.values()) {
    const cluster = clusters.get(ctx.cluster);
    const user = ctx.user ? users.get(ctx.user) : undefined;
    let problem: KubeconfigIssue | undefined;
    if (!cluster) {
      problem = {
        message: `Context "${ctx.name}" refers to cluster "${ctx.cluster}", which no kubeconfig file defines`,
        display: { code: 'context-missing-cluster', params: { context: ctx.name, cluster: ctx.cluster } },
      };
    } else if (ctx.user && !user) {
      problem = {
        message: `Context "${ctx.name}" refers to user "${ctx.user}", which no kubeconfig file defines`,
        display: { code: 'context-missing-user', params: { context: ctx.name, user: ctx.user } },
      };
    }
    if (problem) problems.push({ file: ctx.sourceFile, ...problem });
    resolved.push({ name: ctx.name, context: ctx, cluster, user, demo, problem });
  }
  return { contexts: resolved, currentContext, problems };
}

export async function loadKubeconfigs(sources: KubeconfigSource[]): Promise<MergedKubeconfig> {
  const files = await Promise.all(sources.map(readKubeconfigFile));
  return mergeKubeconfigs(files);
}

/**
 * A stable fingerprint of everything that affects how we talk to a context's cluster, so that
 * an edit on disk reconnects exactly the clusters whose configuration changed.
 */
export function contextFingerprint(rc: ResolvedContext): string {
  return JSON.stringify([rc.context, rc.cluster ?? null, rc.user ?? null, rc.problem ?? null]);
}
