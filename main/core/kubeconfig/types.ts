/**
 * Kubeconfig entries as the core keeps them: each one remembers the file it came from, and
 * relative paths are already resolved against that file's directory (as kubectl does).
 * These shapes hold credentials and never cross to the renderer.
 */
import type { DisplayMessage } from '../../../app/contract/errors';

/** A problem with a kubeconfig: English for logs, a message id with parameters for people. */
export interface KubeconfigIssue {
  message: string;
  display: DisplayMessage;
  /** Text that is not ours (a YAML parser's or the system's error), shown verbatim. */
  detail?: string;
}

/** A problem found in one file. */
export interface FileProblem extends KubeconfigIssue {
  file: string;
}

export interface ExecConfig {
  command: string;
  args: string[];
  env: { name: string; value: string }[];
  /** client.authentication.k8s.io/v1 or v1beta1. */
  apiVersion?: string;
  installHint?: string;
  provideClusterInfo?: boolean;
}

export interface KubeCluster {
  name: string;
  server: string;
  caFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  proxyUrl?: string;
  sourceFile: string;
}

export interface KubeUser {
  name: string;
  token?: string;
  tokenFile?: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  username?: string;
  password?: string;
  impersonate?: string;
  impersonateGroups?: string[];
  exec?: ExecConfig;
  /** Only `oidc` is honoured; see auth/authKind.ts for why the others are refused. */
  authProvider?: { name: string; config: Record<string, string> };
  sourceFile: string;
}

export interface KubeContext {
  name: string;
  cluster: string;
  user?: string;
  namespace?: string;
  sourceFile: string;
}

/** One parsed kubeconfig file. Invalid entries are left out and reported in `problems`. */
export interface ParsedKubeconfig {
  file: string;
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContext[];
  currentContext?: string;
  problems: FileProblem[];
  /** Contexts of this file belong to the built-in demo cluster. */
  demo?: boolean;
}

/** A context with the cluster and user it refers to, after merging every file. */
export interface ResolvedContext {
  name: string;
  context: KubeContext;
  cluster?: KubeCluster;
  user?: KubeUser;
  demo: boolean;
  /** Set when the context cannot be used as is (e.g. its cluster is defined nowhere). */
  problem?: KubeconfigIssue;
}
