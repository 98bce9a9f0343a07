/**
 * Everything needed to send one request to a context's API server: the base URL, a keep-alive
 * agent (TLS material, proxy) and the auth headers. Credentials live here and nowhere else.
 *
 * TLS files/data, static tokens, basic auth, impersonation and OIDC go through client-node's
 * KubeConfig.applyToHTTPSOptions. Exec plugins (trust-gated) and token files (re-read when they
 * change) are ours; see execCredential.ts for why. We build our own agent rather than using
 * client-node's, because its agent has no keep-alive and refuses plain-http servers.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { KubeConfig, type User } from '@kubernetes/client-node';
import { HttpProxyAgent, HttpsProxyAgent } from 'hpagent';
import { SocksProxyAgent } from 'socks-proxy-agent';
import { displayError } from '../../../app/contract/errors';
import type { ResolvedContext } from '../kubeconfig/types';
import { unsupportedAuthProvider } from './authKind';
import { ExecCredentialCache, type ExecCredentialStatus } from './execCredential';
import { execCommandLine } from './execCommandLine';
import type { ExecTrustStore } from './execTrustStore';

export interface PreparedRequest {
  /** Base URL of the API server (no trailing slash), may include a path prefix. */
  server: string;
  agent: http.Agent;
  headers: Record<string, string | string[]>;
  /** TLS options repeated per request (proxy agents take them from the request). */
  tls: https.RequestOptions;
  /** The exec plugin's credential this request carries (to tell a stale 401 from a fresh one). */
  execCredential?: ExecCredentialStatus;
}

interface TlsMaterial {
  ca?: string | Buffer;
  cert?: string | Buffer;
  key?: string | Buffer;
  rejectUnauthorized?: boolean;
  servername?: string;
}

/** The OIDC fields client-node's provider reads; anything else (e.g. an `exec` key) is dropped. */
const OIDC_KEYS = ['client-id', 'client-secret', 'id-token', 'refresh-token', 'idp-issuer-url', 'idp-certificate-authority', 'idp-certificate-authority-data', 'extra-scopes'];

export class ClusterTransport {
  readonly server: string;
  private readonly kc = new KubeConfig();
  private base?: { tls: TlsMaterial; headers: Record<string, string | string[]> };
  private agent?: { agent: http.Agent; certKey: string };
  private readonly exec?: { cache: ExecCredentialCache; commandLine: string };
  private tokenFile?: { mtimeMs: number; size: number; token: string };
  private disposed = false;

  constructor(
    private readonly rc: ResolvedContext,
    private readonly trust: ExecTrustStore,
  ) {
    this.server = rc.cluster?.server ?? '';
    const user = rc.user;
    if (user?.exec) {
      this.exec = {
        commandLine: execCommandLine(user.exec),
        cache: new ExecCredentialCache(user.exec, { server: rc.cluster?.server, caData: rc.cluster?.caData, skipTLSVerify: rc.cluster?.skipTLSVerify }),
      };
    }
    if (rc.cluster) {
      const c = rc.cluster;
      const sanitized: User = {
        name: user?.name ?? 'pilothouse-anonymous',
        certData: user?.certData,
        certFile: user?.certFile,
        keyData: user?.keyData,
        keyFile: user?.keyFile,
        token: user?.tokenFile || user?.exec ? undefined : user?.token,
        username: user?.username,
        password: user?.password,
        impersonateUser: user?.impersonate,
        authProvider: user?.authProvider?.name === 'oidc' && !user.exec ? { name: 'oidc', config: pick(user.authProvider.config, OIDC_KEYS) } : undefined,
      };
      this.kc.loadFromOptions({
        // The proxy is handled by our agent; plain-http servers are allowed (as kubectl does) by
        // telling client-node to skip TLS, which has no meaning without TLS anyway.
        clusters: [{ name: c.name, server: c.server, caData: c.caData, caFile: c.caFile, tlsServerName: c.tlsServerName, skipTLSVerify: c.skipTLSVerify || c.server.startsWith('http:') }],
        users: [sanitized],
        contexts: [{ name: rc.name, cluster: c.name, user: sanitized.name }],
        currentContext: rc.name,
      });
    }
  }

  /** Whether an exec plugin must be trusted before this context can be used (and which). */
  untrustedExecCommand(): string | undefined {
    if (!this.exec) return undefined;
    return this.trust.isTrusted(this.rc.name, this.exec.commandLine) ? undefined : this.exec.commandLine;
  }

  async prepare(): Promise<PreparedRequest> {
    const context = this.rc.name;
    if (this.disposed) throw displayError('cancelled', { code: 'context-disconnected', params: { context } }, `Context "${context}" was disconnected`);
    if (!this.rc.cluster) {
      const problem = this.rc.problem ?? { message: `Context "${context}" has no cluster`, display: { code: 'context-no-cluster', params: { context } } };
      throw displayError('kubeconfig', problem.display, problem.message, { details: { file: this.rc.context.sourceFile } });
    }
    const refused = unsupportedAuthProvider(this.rc.user);
    if (refused) {
      throw displayError('kubeconfig', { code: 'auth-provider-refused', params: { context, provider: refused.provider } }, refused.message, { details: { file: this.rc.user?.sourceFile } });
    }
    const untrusted = this.untrustedExecCommand();
    if (untrusted) {
      throw displayError(
        'untrusted-exec',
        { code: 'exec-untrusted', params: { context, command: untrusted } },
        `Context "${context}" gets its credentials by running a command you have not trusted yet: ${untrusted}`,
        { details: { command: untrusted, context } },
      );
    }
    if (!this.base) this.base = await this.loadBase();
    const headers = { ...this.base.headers };
    if (this.rc.user?.authProvider?.name === 'oidc' && !this.rc.user.exec) {
      // The OIDC provider refreshes its id-token when it expires; ask it on every request.
      const o: https.RequestOptions = {};
      await this.kc.applyToHTTPSOptions(o);
      const auth = (o.headers as Record<string, string> | undefined)?.Authorization;
      if (auth) headers.Authorization = auth;
    }
    let certKey = '';
    let tls = this.base.tls;
    let execCredential: ExecCredentialStatus | undefined;
    if (this.exec) {
      const cred = (execCredential = await this.exec.cache.get());
      if (cred.token) headers.Authorization = `Bearer ${cred.token}`;
      if (cred.clientCertificateData && cred.clientKeyData) {
        tls = { ...tls, cert: cred.clientCertificateData, key: cred.clientKeyData };
        certKey = cred.clientCertificateData;
      }
    }
    if (this.rc.user?.tokenFile) headers.Authorization = `Bearer ${await this.readTokenFile(this.rc.user.tokenFile)}`;
    if (!this.agent || this.agent.certKey !== certKey) {
      this.agent?.agent.destroy();
      this.agent = { agent: this.createAgent(tls), certKey };
    }
    return { server: this.server, agent: this.agent.agent, headers, tls, ...(execCredential ? { execCredential } : {}) };
  }

  /**
   * The server said 401 to `rejected` (the request as prepared): drop refreshable credentials, unless
   * a newer one already replaced what it carried. Returns whether a retry may succeed.
   */
  onUnauthorized(rejected?: PreparedRequest): boolean {
    if (this.exec) {
      this.exec.cache.invalidate(rejected?.execCredential);
      return true;
    }
    if (this.rc.user?.tokenFile) {
      this.tokenFile = undefined;
      return true;
    }
    return false;
  }

  dispose(): void {
    this.disposed = true;
    this.agent?.agent.destroy();
    this.agent = undefined;
  }

  private async loadBase(): Promise<{ tls: TlsMaterial; headers: Record<string, string | string[]> }> {
    const o: https.RequestOptions & { auth?: string } = {};
    try {
      await this.kc.applyToHTTPSOptions(o);
    } catch (err) {
      const detail = (err as Error).message;
      const file = this.rc.user?.sourceFile ?? this.rc.context.sourceFile;
      throw displayError('kubeconfig', { code: 'context-credentials', params: { context: this.rc.name, file } }, `Context "${this.rc.name}": ${detail}`, { detail, details: { file } });
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(o.headers ?? {})) if (typeof v === 'string' || Array.isArray(v)) headers[k] = v;
    if (o.auth) headers.Authorization = `Basic ${Buffer.from(o.auth).toString('base64')}`;
    if (this.rc.user?.impersonateGroups?.length) headers['Impersonate-Group'] = this.rc.user.impersonateGroups;
    const tls: TlsMaterial = {};
    if (o.ca) tls.ca = o.ca as Buffer;
    if (o.cert) tls.cert = o.cert as Buffer;
    if (o.key) tls.key = o.key as Buffer;
    if (o.rejectUnauthorized === false) tls.rejectUnauthorized = false;
    if (o.servername) tls.servername = o.servername;
    return { tls, headers };
  }

  private createAgent(tls: TlsMaterial): http.Agent {
    const secure = this.server.startsWith('https:');
    const proxy = this.rc.cluster?.proxyUrl;
    const common = { keepAlive: true, keepAliveMsecs: 30_000, maxFreeSockets: 8 };
    if (proxy) {
      checkProxyUrl(proxy, this.rc);
      if (/^socks[45]?h?:/.test(proxy)) return new SocksProxyAgent(proxy, { ...common, ...tls });
      return secure ? new HttpsProxyAgent({ ...common, ...tls, proxy }) : new HttpProxyAgent({ ...common, proxy });
    }
    return secure ? new https.Agent({ ...common, ...tls }) : new http.Agent(common);
  }

  private async readTokenFile(file: string): Promise<string> {
    try {
      const st = await fs.stat(file);
      if (!this.tokenFile || this.tokenFile.mtimeMs !== st.mtimeMs || this.tokenFile.size !== st.size) {
        this.tokenFile = { mtimeMs: st.mtimeMs, size: st.size, token: (await fs.readFile(file, 'utf8')).trim() };
      }
      return this.tokenFile.token;
    } catch (err) {
      const detail = (err as Error).message;
      throw displayError('kubeconfig', { code: 'token-file-unreadable', params: { file } }, `Cannot read the token file ${file}: ${detail}`, { detail, details: { file } });
    }
  }
}

/**
 * A cluster's `proxy-url` must be an absolute http(s) or socks URL. Anything else is a kubeconfig
 * error naming the context, the file and the value (with any password in it masked), instead of
 * the TypeError "Invalid URL" that `new URL` or the proxy agents would throw.
 */
export function checkProxyUrl(proxy: string, rc: ResolvedContext): void {
  const cluster = rc.cluster?.name ?? rc.context.cluster;
  const file = rc.cluster?.sourceFile ?? rc.context.sourceFile;
  const where = `cluster "${cluster}" of context "${rc.name}" (${file})`;
  let url: URL | undefined;
  try {
    url = new URL(proxy);
  } catch {
    url = undefined;
  }
  if (!url || !url.host) {
    const value = maskUserInfo(proxy);
    throw displayError('kubeconfig', { code: 'proxy-url-invalid', params: { context: rc.name, cluster, file, value } }, `Invalid proxy-url in ${where}: ${JSON.stringify(value)} is not a URL`, { details: { file } });
  }
  if (!/^(https?|socks[45]?h?):$/.test(url.protocol)) {
    const scheme = url.protocol;
    throw displayError('kubeconfig', { code: 'proxy-url-scheme', params: { context: rc.name, cluster, file, scheme } }, `Unsupported proxy-url scheme ${scheme} in ${where}`, { details: { file } });
  }
}

/** "user:secret@host" → "user:***@host": a proxy password never reaches a message. */
function maskUserInfo(value: string): string {
  return value.replace(/^([^@/]*?:)[^@/]*@/, '$1***@').replace(/(\/\/[^@/:]*:)[^@/]*@/, '$1***@');
}

function pick(config: Record<string, string>, keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) if (typeof config[k] === 'string') out[k] = config[k];
  return out;
}
