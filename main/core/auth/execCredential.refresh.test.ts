/**
 * An exec plugin's token through the real request path: a real plugin (an `sh` script that
 * prints an ExecCredential and counts its runs in a file), ClusterTransport + requestJson, and a
 * small HTTPS API server (test CA) that accepts only its current token and otherwise answers 401
 * with the Status body a kube-apiserver sends. Proves: cached until expiry, not reused once
 * expired, one refresh per 401 (bounded), concurrent 401s refresh once, and clear plugin errors.
 *
 * A local server rather than the simulator: the simulator's tokens are fixed at start, and these
 * tests rotate the accepted token and hold 401 answers back.
 */
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../app/contract/errors';
import type { ResolvedContext } from '../kubeconfig/types';
import { requestJson } from '../http/kubeHttp';
import { createTestPki, type TestPki } from '../testing/testPki';
import { ClusterTransport } from './clusterTransport';
import { execCommandLine } from './execCommandLine';
import { EXPIRY_SKEW_MS, runExecPlugin } from './execCredential';
import { ExecTrustStore } from './execTrustStore';

const UNAUTHORIZED = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };

/** The plugin: counts its runs, then prints the token (and expiry, if any) the test left in its folder. */
const PLUGIN = `#!/bin/sh
echo run >> "$PLUGIN_DIR/runs"
token=$(cat "$PLUGIN_DIR/token")
if [ -s "$PLUGIN_DIR/expiry" ]; then
  printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}\\n' "$token" "$(cat "$PLUGIN_DIR/expiry")"
else
  printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}\\n' "$token"
fi
`;

interface ApiServer {
  url: string;
  /** The one bearer token accepted; anything else gets 401. */
  accepted: string;
  /** Authorization header of every request, in order. */
  seen: string[];
  /** When true, 401 answers wait in `held` until the test releases them. */
  holdRejections: boolean;
  held: (() => void)[];
  close(): Promise<void>;
}

let pki: TestPki;
let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  pki = await createTestPki('unused');
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function startApiServer(accepted: string): Promise<ApiServer> {
  const api: ApiServer = { url: '', accepted, seen: [], holdRejections: false, held: [], close: async () => {} };
  const server = https.createServer({ cert: pki.server.certPem, key: pki.server.keyPem }, (req, res) => {
    const auth = req.headers.authorization ?? '';
    api.seen.push(auth);
    if (auth !== `Bearer ${api.accepted}`) {
      const reject = () => res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify(UNAUTHORIZED));
      if (api.holdRejections) api.held.push(reject);
      else reject();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0-refresh' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  api.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = async () => {
    for (const release of api.held.splice(0)) release();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  };
  return api;
}

/** A plugin in a fresh folder, an API server accepting `token`, and a trusted transport to it. */
async function setup(token: string, options: { trusted?: boolean } = {}) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-refresh-'));
  const script = path.join(dir, 'plugin.sh');
  fs.writeFileSync(script, PLUGIN, { mode: 0o755 });
  const plugin = {
    /** What the plugin hands out from its next run on. */
    issue(next: string, expiry?: string) {
      fs.writeFileSync(path.join(dir, 'token'), next);
      fs.writeFileSync(path.join(dir, 'expiry'), expiry ?? '');
    },
    runs: () => (fs.existsSync(path.join(dir, 'runs')) ? fs.readFileSync(path.join(dir, 'runs'), 'utf8').split('\n').filter(Boolean).length : 0),
  };
  plugin.issue(token);
  const api = await startApiServer(token);
  cleanups.push(() => api.close());
  const exec = { apiVersion: 'client.authentication.k8s.io/v1', command: script, args: [], env: [{ name: 'PLUGIN_DIR', value: dir }] };
  const rc: ResolvedContext = {
    name: 'eks',
    demo: false,
    context: { name: 'eks', cluster: 'c', user: 'u', sourceFile: '/k' },
    cluster: { name: 'c', server: api.url, caData: Buffer.from(pki.caPem).toString('base64'), skipTLSVerify: false, sourceFile: '/k' },
    user: { name: 'u', exec, sourceFile: '/k' },
  };
  const trust = new ExecTrustStore(path.join(dir, 'trust.json'));
  if (options.trusted !== false) await trust.trust('eks', execCommandLine(exec));
  const transport = new ClusterTransport(rc, trust);
  cleanups.push(() => transport.dispose());
  const version = () => requestJson<{ gitVersion: string }>(transport, { path: '/version' });
  return { plugin, api, trust, transport, version, commandLine: execCommandLine(exec) };
}

/** RFC 3339 in whole seconds, as plugins print it (aws eks get-token, kubelogin). */
const rfc3339 = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e as ContractError,
  );

describe('exec credential cache (real plugin, real HTTPS)', () => {
  it('runs the plugin only once trusted, then reuses its token for the next request', async () => {
    const { plugin, api, trust, version, commandLine } = await setup('tok-1', { trusted: false });
    plugin.issue('tok-1', rfc3339(Date.now() + 3600_000));
    await expect(version()).rejects.toMatchObject({ code: 'untrusted-exec' });
    expect(plugin.runs()).toBe(0);
    expect(api.seen).toEqual([]);

    await trust.trust('eks', commandLine);
    await expect(version()).resolves.toEqual(expect.objectContaining({ gitVersion: 'v1.32.0-refresh' }));
    await expect(version()).resolves.toEqual(expect.objectContaining({ gitVersion: 'v1.32.0-refresh' }));
    expect(plugin.runs()).toBe(1);
    expect(api.seen).toEqual(['Bearer tok-1', 'Bearer tok-1']);
  });

  it('does not reuse a token whose expirationTimestamp has passed', async () => {
    const { plugin, api, version } = await setup('tok-old');
    plugin.issue('tok-old', rfc3339(Date.now() - 60_000));
    await version();
    await version();
    // Already expired when issued: every request asks the plugin again.
    expect(plugin.runs()).toBe(2);
    expect(api.seen).toEqual(['Bearer tok-old', 'Bearer tok-old']);
  });

  it('runs the plugin again once the token nears its expiry (real clock)', async () => {
    const { plugin, api, version } = await setup('tok-short');
    // Whole seconds, so the token is usable for 2–3 s before the refresh margin.
    const expiresAt = Math.ceil((Date.now() + EXPIRY_SKEW_MS + 2000) / 1000) * 1000;
    plugin.issue('tok-short', rfc3339(expiresAt));
    await version();
    await version();
    expect(plugin.runs()).toBe(1);

    plugin.issue('tok-next', rfc3339(Date.now() + 3600_000));
    api.accepted = 'tok-next';
    await sleep(expiresAt - EXPIRY_SKEW_MS - Date.now() + 100);
    await version();
    // Refreshed before sending: no request carried the expiring token to a 401.
    expect(plugin.runs()).toBe(2);
    expect(api.seen).toEqual(['Bearer tok-short', 'Bearer tok-short', 'Bearer tok-next']);
  });
});

describe('401 from the API server', () => {
  it('drops the cached token, runs the plugin once, retries and succeeds', async () => {
    const { plugin, api, version } = await setup('tok-a');
    await version();
    expect(plugin.runs()).toBe(1);

    // The server rotates (e.g. the IAM session was revoked); the plugin now hands out tok-b.
    api.accepted = 'tok-b';
    plugin.issue('tok-b');
    await expect(version()).resolves.toMatchObject({ gitVersion: 'v1.32.0-refresh' });
    expect(plugin.runs()).toBe(2);
    expect(api.seen).toEqual(['Bearer tok-a', 'Bearer tok-a', 'Bearer tok-b']);

    await version();
    expect(plugin.runs()).toBe(2);
  });

  it("gives up after one refresh when the retry is refused too: unauthorized with the server's message", async () => {
    const { plugin, api, version } = await setup('tok-a');
    // The plugin keeps handing out a token this server does not accept.
    api.accepted = 'tok-the-plugin-never-gets';
    const err = await failureOf(version());
    expect(err).toBeInstanceOf(ContractError);
    expect(err).toMatchObject({ code: 'unauthorized', status: 401, message: 'Unauthorized', detail: 'Unauthorized', details: { reason: 'Unauthorized' } });
    expect(plugin.runs()).toBe(2);
    expect(api.seen).toEqual(['Bearer tok-a', 'Bearer tok-a']);

    // Each later request is bounded the same way: one refresh, two requests.
    await expect(version()).rejects.toMatchObject({ code: 'unauthorized' });
    expect(plugin.runs()).toBe(3);
    expect(api.seen).toHaveLength(4);
  });

  it('refreshes once when concurrent requests get 401 for the same token, even if their answers arrive late', async () => {
    const { plugin, api, version } = await setup('tok-a');
    await version();
    api.accepted = 'tok-b';
    plugin.issue('tok-b');
    api.holdRejections = true;

    const requests = [version(), version(), version()];
    while (api.held.length < 3) await sleep(10);
    // The first 401 arrives: the client refreshes and its retry succeeds with tok-b…
    api.held.shift()!();
    while (api.seen.filter((a) => a === 'Bearer tok-b').length < 1) await sleep(10);
    await sleep(50);
    // …then the other two 401s (for the old token) arrive: the fresh token must not be thrown away.
    for (const release of api.held.splice(0)) release();
    await expect(Promise.all(requests)).resolves.toHaveLength(3);
    expect(plugin.runs()).toBe(2);
    expect(api.seen.filter((a) => a === 'Bearer tok-b')).toHaveLength(3);
  });
});

describe('a failing plugin', () => {
  it('fails the request with the exit code and stderr, without contacting the server', async () => {
    const { api, version } = await setup('tok-a');
    fs.writeFileSync(path.join(dir, 'plugin.sh'), '#!/bin/sh\necho "error: SSO session expired; run aws sso login" >&2\nexit 255\n');
    const err = await failureOf(version());
    expect(err).toMatchObject({ code: 'unauthorized', display: { code: 'exec-exit-code', params: { code: 255 } }, detail: 'error: SSO session expired; run aws sso login' });
    expect(api.seen).toEqual([]);
  });

  it('stops a plugin that hangs, children included, and says it timed out', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-refresh-'));
    const pidFile = path.join(dir, 'child.pid');
    // A wrapper script whose child hangs (as a browser login would): the child holds stdout open.
    const started = Date.now();
    const err = await failureOf(runExecPlugin({ command: 'sh', args: ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], env: [] }, { timeoutMs: 500 }));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(err).toMatchObject({ code: 'unauthorized', display: { code: 'exec-killed' } });
    expect(err.message).toMatch(/^Credential plugin did not finish within 0\.5 s and was stopped: sh -c /);
    const childPid = Number(fs.readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting for a reaper (containers' PID 1 may never reap it).
    const running = () => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${childPid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && running(); i++) await sleep(20);
    expect(running()).toBe(false);
  });
});
