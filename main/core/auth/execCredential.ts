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
import { displayError } from '../../../app/contract/errors';
import type { ExecConfig } from '../kubeconfig/types';
import { execCommandLine, maskSecrets } from './execCommandLine';

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
export const EXPIRY_SKEW_MS = 10_000;

export async function runExecPlugin(
  exec: ExecConfig,
  options: { server?: string; caData?: string; skipTLSVerify?: boolean; /** Default 60 s. */ timeoutMs?: number } = {},
): Promise<ExecCredentialStatus> {
  const apiVersion = exec.apiVersion ?? 'client.authentication.k8s.io/v1';
  const spec: Record<string, unknown> = { interactive: false };
  if (exec.provideClusterInfo && options.server) {
    spec.cluster = { server: options.server, 'certificate-authority-data': options.caData, 'insecure-skip-tls-verify': options.skipTLSVerify };
  }
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: pluginPath(process.env.PATH) };
  for (const e of exec.env) env[e.name] = e.value;
  env.KUBERNETES_EXEC_INFO = JSON.stringify({ apiVersion, kind: 'ExecCredential', spec });
  const commandLine = execCommandLine(exec);

  const timeoutMs = options.timeoutMs ?? PLUGIN_TIMEOUT_MS;
  const { code, stdout, stderr, error, timedOut } = await new Promise<{ code: number | null; stdout: string; stderr: string; error?: Error; timedOut: boolean }>((resolve) => {
    let out = '';
    let err = '';
    // Our own timeout instead of spawn's: spawn's kills only the direct child, and a wrapper
    // script's hung child (a browser login, a prompt) keeps stdout open, so 'close' would not come
    // until it exits. On POSIX the plugin gets a process group of its own that we kill whole.
    const ownGroup = process.platform !== 'win32';
    const child = spawn(exec.command, exec.args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: ownGroup, windowsHide: true });
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out.length < MAX_OUTPUT ? (out += d) : undefined));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err.length < MAX_OUTPUT ? (err += d) : undefined));
    let spawnError: Error | undefined;
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      try {
        if (ownGroup && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
      // A descendant that left the group must not hold the answer back either.
      child.stdout.destroy();
      child.stderr.destroy();
    }, timeoutMs);
    child.on('error', (e) => (spawnError = e));
    child.on('close', (c) => {
      clearTimeout(timer);
      resolve({ code: c, stdout: out, stderr: err, error: spawnError, timedOut: killed });
    });
  });
  const details = { command: commandLine };
  if (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // The installHint is the kubeconfig author's text: shown as it is.
      const hint = exec.installHint?.trim();
      throw displayError('unauthorized', { code: 'exec-not-found', params: { command: exec.command } }, `Credential plugin not found: ${exec.command} (searched PATH and the usual install folders).${hint ? ` ${hint}` : ''}`, {
        ...(hint ? { detail: hint } : {}),
        details,
      });
    }
    throw displayError('unauthorized', { code: 'exec-start-failed', params: { command: commandLine } }, `Credential plugin failed to start: ${error.message}`, { detail: error.message, details });
  }
  if (code !== 0 || timedOut) {
    const tail = stderrTail(stderr);
    const extra = { ...(tail ? { detail: tail } : {}), details };
    const english = timedOut
      ? `Credential plugin did not finish within ${timeoutMs / 1000} s and was stopped: ${commandLine}${tail ? `\n${tail}` : ''}`
      : `Credential plugin exited with ${code === null ? 'a signal' : `code ${code}`}: ${commandLine}${tail ? `\n${tail}` : ''}`;
    if (code === null || timedOut) throw displayError('unauthorized', { code: 'exec-killed', params: { command: commandLine } }, english, extra);
    throw displayError('unauthorized', { code: 'exec-exit-code', params: { command: commandLine, code } }, english, extra);
  }
  let parsed: { kind?: string; status?: Record<string, unknown> };
  try {
    parsed = JSON.parse(stdout);
  } catch {
    throw displayError('unauthorized', { code: 'exec-no-json', params: { command: commandLine } }, `Credential plugin printed no ExecCredential JSON: ${commandLine}`, { details });
  }
  const status = parsed?.status;
  if (!status || typeof status !== 'object') {
    throw displayError('unauthorized', { code: 'exec-no-status', params: { command: commandLine } }, `Credential plugin returned an ExecCredential without status: ${commandLine}`, { details });
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
    throw displayError('unauthorized', { code: 'exec-no-credential', params: { command: commandLine } }, `Credential plugin returned neither a token nor a client certificate: ${commandLine}`, { details });
  }
  return result;
}

/** How much of a failed plugin's stderr reaches a message: the end is where the reason is. */
export const STDERR_TAIL_LINES = 5;
export const STDERR_TAIL_CHARS = 500;

/**
 * The last lines of a plugin's stderr, for an error message: at most 5 non-blank lines and 500
 * characters, with anything that looks like a credential masked first (plugins print tokens in
 * debug output, and the message reaches the renderer and the logs).
 */
export function stderrTail(stderr: string): string {
  const lines = maskSecrets(stderr)
    .split(/\r?\n/)
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== '');
  let tail = lines.slice(-STDERR_TAIL_LINES).join('\n');
  if (lines.length > STDERR_TAIL_LINES) tail = `…\n${tail}`;
  if (tail.length > STDERR_TAIL_CHARS) tail = `…${tail.slice(-(STDERR_TAIL_CHARS - 1))}`;
  return tail;
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

  /**
   * Forget the credential (the server answered 401): the next request runs the plugin again.
   * With `rejected`, only if that is still the cached one: when several requests were refused
   * together, the late 401s must not throw away the token the first one already refreshed.
   */
  invalidate(rejected?: ExecCredentialStatus): void {
    if (rejected && rejected !== this.cached) return;
    this.cached = undefined;
  }
}
