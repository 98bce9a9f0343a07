/**
 * Runs exec credential plugins (aws eks get-token, gke-gcloud-auth-plugin, kubelogin, …) and
 * caches what they return until `expirationTimestamp`.
 *
 * We run plugins ourselves instead of through client-node's ExecAuth because it has no trust
 * gate, no timeout, no PATH fix, caches by user name only and cannot be told to refresh on 401.
 * Callers must check trust (ExecTrustStore) before asking for a credential.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ContractError } from '../../../app/contract/errors';
import type { ExecConfig } from '../kubeconfig/types';
import { execCommandLine } from './execCommandLine';

export interface ExecCredentialStatus {
  token?: string;
  clientCertificateData?: string;
  clientKeyData?: string;
  /** Epoch ms; undefined = valid until the server says otherwise (401). */
  expiresAt?: number;
}

/**
 * GUI apps started from a desktop do not get the login shell's PATH, so plugins installed by
 * Homebrew, krew or `go install` are "not found" (lens#6563). We append the usual places.
 */
export function pluginPath(current: string | undefined, home = os.homedir()): string {
  const extra = ['/usr/local/bin', '/opt/homebrew/bin', '/opt/homebrew/sbin', '/usr/bin', '/bin', '/usr/sbin', '/sbin', '/snap/bin',
    path.join(home, '.krew', 'bin'), path.join(home, 'go', 'bin'), path.join(home, '.local', 'bin'), path.join(home, 'bin'),
    '/google-cloud-sdk/bin', path.join(home, 'google-cloud-sdk', 'bin')];
  const parts = (current ?? '').split(path.delimiter).filter(Boolean);
  for (const dir of extra) if (!parts.includes(dir)) parts.push(dir);
  return parts.join(path.delimiter);
}

const PLUGIN_TIMEOUT_MS = 60_000;
const MAX_OUTPUT = 1024 * 1024;
/** Refresh a little before the plugin's own expiry so a request never carries a dying token. */
const EXPIRY_SKEW_MS = 10_000;

export async function runExecPlugin(exec: ExecConfig, options: { server?: string; caData?: string; skipTLSVerify?: boolean } = {}): Promise<ExecCredentialStatus> {
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && options.server) {
    spec.cluster = { server: options.server, 'certificate-authority-data': options.caData, 'insecure-skip-tls-verify': options.skipTLSVerify };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pluginPath(process.env.PATH) };
  for (const e of exec.env) env[e.name] = e.value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
  const commandLine = execCommandLine(exec);

  const { code, stdout, stderr, error } = await new Promise<{ code: number | null; stdout: string; stderr: string; error?: Error }>((resolve) => {
    let out = '';
    let err = '';
    const child = spawn(exec.command, exec.args, { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: PLUGIN_TIMEOUT_MS });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out.length < MAX_OUTPUT ? (out += d) : undefined));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err.length < MAX_OUTPUT ? (err += d) : undefined));
    let spawnError: Error | undefined;
    child.on('error', (e) => (spawnError = e));
    child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err, error: spawnError }));
  });
  if (error) {
    const notFound = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const hint = notFound && exec.installHint ? ` ${exec.installHint.trim()}` : '';
    throw new ContractError({
      code: 'unauthorized',
      message: notFound ? `Credential plugin not found: ${exec.command} (searched PATH and the usual install folders).${hint}` : `Credential plugin failed to start: ${error.message}`,
      details: { command: commandLine },
    });
  }
  if (code !== 0) {
    throw new ContractError({
      code: 'unauthorized',
      message: `Credential plugin exited with ${code === null ? 'a timeout or signal' : `code ${code}`}: ${commandLine}${stderr.trim() ? `\n${stderr.trim().slice(0, 2000)}` : ''}`,
      details: { command: commandLine },
    });
  }
  let parsed: { kind?: string; status?: Record<string, unknown> };
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw new ContractError({ code: 'unauthorized', message: `Credential plugin printed no ExecCredential JSON: ${commandLine}`, details: { command: commandLine } });
  }
  const status = parsed?.status;
  if (!status || typeof status !== 'object') {
    throw new ContractError({ code: 'unauthorized', message: `Credential plugin returned an ExecCredential without status: ${commandLine}`, details: { command: commandLine } });
  }
  const result: ExecCredentialStatus = {};
  if (typeof status.token === 'string' && status.token) result.token = status.token;
  if (typeof status.clientCertificateData === 'string') result.clientCertificateData = status.clientCertificateData;
  if (typeof status.clientKeyData === 'string') result.clientKeyData = status.clientKeyData;
  if (typeof status.expirationTimestamp === 'string') {
    const t = Date.parse(status.expirationTimestamp);
    if (!Number.isNaN(t)) result.expiresAt = t;
  }
  if (!result.token && !(result.clientCertificateData && result.clientKeyData)) {
    throw new ContractError({ code: 'unauthorized', message: `Credential plugin returned neither a token nor a client certificate: ${commandLine}` });
  }
  return result;
}

/** One cached credential per plugin; concurrent requests share one plugin run. */
export class ExecCredentialCache {
  private cached?: ExecCredentialStatus;
  private inflight?: Promise<ExecCredentialStatus>;

  constructor(
    private readonly exec: ExecConfig,
    private readonly clusterInfo: { server?: string; caData?: string; skipTLSVerify?: boolean },
    private readonly run: typeof runExecPlugin = runExecPlugin,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<ExecCredentialStatus> {
    const c = this.cached;
    if (c && (c.expiresAt === undefined || c.expiresAt - EXPIRY_SKEW_MS > this.now())) return c;
    if (!this.inflight) {
      this.inflight = this.run(this.exec, this.clusterInfo).then(
        (cred) => {
          this.cached = cred;
          this.inflight = undefined;
          return cred;
        },
        (err) => {
          this.inflight = undefined;
          throw err;
        },
      );
    }
    return this.inflight;
  }

  /** Forget the credential (the server answered 401): the next request runs the plugin again. */
  invalidate(): void {
    this.cached = undefined;
  }
}
