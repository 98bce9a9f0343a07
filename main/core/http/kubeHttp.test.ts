/**
 * The request layer against real sockets: the simulator (429 with Retry-After, Status messages),
 * a closed port (readable network errors), a token file rotated on disk, and an HTTP CONNECT
 * proxy from a kubeconfig's proxy-url.
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../../sim/index';
import { ClusterTransport } from '../auth/clusterTransport';
import { ExecTrustStore } from '../auth/execTrustStore';
import { loadKubeconfigs } from '../kubeconfig/mergeKubeconfigs';
import type { ResolvedContext } from '../kubeconfig/types';
import { startFakeApiServer } from '../testing/fakeApiServer';
import { createTestPki } from '../testing/testPki';
import { requestJson } from './kubeHttp';

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
let admin: ResolvedContext;
const trust = new ExecTrustStore('/nonexistent');

beforeAll(async () => {
  sim = await startSim({ controllers: false });
  admin = (await loadKubeconfigs([{ path: sim.kubeconfigPath }])).contexts.find((c) => c.name === 'sim-admin')!;
});
afterAll(async () => {
  await sim?.stop();
});

describe('kube request layer', () => {
  it('waits for Retry-After on 429 and then succeeds; gives up after three 429s', async () => {
    const server = await startFakeApiServer();
    const t = new ClusterTransport(
      { name: 'x', demo: false, context: { name: 'x', cluster: 'c', sourceFile: '/k' }, cluster: { name: 'c', server: server.url, skipTLSVerify: false, sourceFile: '/k' } },
      trust,
    );
    const tooMany = { status: 429, headers: { 'Retry-After': '1' }, message: 'Too many requests, please try again later.' };
    server.respondNext.push(tooMany);
    const started = Date.now();
    await expect(requestJson(t, { path: '/version' })).resolves.toMatchObject({ gitVersion: 'v1.32.0-fake' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.requests).toEqual(['GET /version', 'GET /version']);

    server.respondNext.push(...[0, 1, 2, 3].map(() => ({ ...tooMany, headers: { 'Retry-After': '0' } })));
    await expect(requestJson(t, { path: '/version' })).rejects.toMatchObject({ code: 'too-many-requests', status: 429, message: tooMany.message, details: { retryAfterSeconds: 0 } });
    t.dispose();
    await server.close();
  });

  it('maps API errors to codes with the Status message', async () => {
    const t = new ClusterTransport(admin, trust);
    await expect(requestJson(t, { path: '/api/v1/namespaces/default/pods/missing' })).rejects.toMatchObject({ code: 'not-found', status: 404, message: 'pods "missing" not found' });
    t.dispose();
  });

  it('turns a refused connection into a readable unreachable error', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const t = new ClusterTransport({ ...admin, cluster: { ...admin.cluster!, server: `https://127.0.0.1:${port}` } }, trust);
    await expect(requestJson(t, { path: '/version' })).rejects.toMatchObject({ code: 'unreachable', message: `Cannot reach https://127.0.0.1:${port}: connection refused` });
    t.dispose();
  });

  it('re-reads a token file when it changes', async () => {
    const server = await startFakeApiServer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-tok-'));
    const tokenFile = path.join(dir, 'token');
    fs.writeFileSync(tokenFile, 'first\n');
    const t = new ClusterTransport(
      { name: 'x', demo: false, context: { name: 'x', cluster: 'c', user: 'u', sourceFile: '/k' }, cluster: { name: 'c', server: server.url, skipTLSVerify: false, sourceFile: '/k' }, user: { name: 'u', tokenFile, sourceFile: '/k' } },
      trust,
    );
    await requestJson(t, { path: '/version' });
    fs.writeFileSync(tokenFile, 'second-and-longer\n');
    await requestJson(t, { path: '/version' });
    expect(server.authorizations).toEqual(['Bearer first', 'Bearer second-and-longer']);
    t.dispose();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tunnels through an http proxy-url (CONNECT) with TLS to the API server', async () => {
    const connects: string[] = [];
    const proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req, socket, head) => {
      connects.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const t = new ClusterTransport({ ...admin, cluster: { ...admin.cluster!, proxyUrl } }, trust);
    await expect(requestJson(t, { path: '/version' })).resolves.toMatchObject({ gitVersion: expect.stringMatching(/^v1\.32/) });
    expect(connects).toEqual([`127.0.0.1:${sim.port}`]);
    t.dispose();
    proxy.closeAllConnections();
    await new Promise((r) => proxy.close(r));
  });

  it('verifies the server certificate unless insecure-skip-tls-verify is set', async () => {
    const noCa = { ...admin, cluster: { ...admin.cluster!, caData: undefined, caFile: undefined } };
    const strict = new ClusterTransport(noCa, trust);
    await expect(requestJson(strict, { path: '/version' })).rejects.toMatchObject({ code: 'unreachable', message: expect.stringMatching(/^Cannot reach https:\/\/127\.0\.0\.1:\d+: TLS error: /) });
    strict.dispose();
    const insecure = new ClusterTransport({ ...noCa, cluster: { ...noCa.cluster, skipTLSVerify: true } }, trust);
    await expect(requestJson(insecure, { path: '/version' })).resolves.toMatchObject({ gitVersion: expect.any(String) });
    insecure.dispose();
  });

  it('sends basic auth and an OIDC id-token as client-node builds them', async () => {
    const server = await startFakeApiServer();
    const base = { name: 'x', demo: false, context: { name: 'x', cluster: 'c', user: 'u', sourceFile: '/k' }, cluster: { name: 'c', server: server.url, skipTLSVerify: false, sourceFile: '/k' } };
    const basic = new ClusterTransport({ ...base, user: { name: 'u', username: 'ann', password: 'pw', sourceFile: '/k' } }, trust);
    await requestJson(basic, { path: '/version' });
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const idToken = `${b64({ alg: 'none' })}.${b64({ exp: Math.floor(Date.now() / 1000) + 3600 })}.sig`;
    const oidc = new ClusterTransport({ ...base, user: { name: 'u', authProvider: { name: 'oidc', config: { 'id-token': idToken, 'client-id': 'k', exec: 'ignored' } }, sourceFile: '/k' } }, trust);
    await requestJson(oidc, { path: '/version' });
    expect(server.authorizations).toEqual([`Basic ${Buffer.from('ann:pw').toString('base64')}`, `Bearer ${idToken}`]);
    basic.dispose();
    oidc.dispose();
    await server.close();
  });

  it('refuses auth-provider plug-ins that would run a command without trust (gcp cmd-path)', async () => {
    const t = new ClusterTransport({ ...admin, user: { name: 'u', authProvider: { name: 'gcp', config: { 'cmd-path': 'touch /tmp/never' } }, sourceFile: '/k' } }, trust);
    await expect(requestJson(t, { path: '/version' })).rejects.toMatchObject({ code: 'kubeconfig', message: expect.stringContaining('"gcp" auth-provider is not supported') });
    t.dispose();
  });

  it('authenticates with a client certificate from kubeconfig data and files, verifying the server against its CA', async () => {
    const pki = await createTestPki('jane');
    const seen: string[] = [];
    const server = https.createServer({ cert: pki.server.certPem, key: pki.server.keyPem, ca: pki.caPem, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      seen.push(String((req.socket as TLSSocket).getPeerCertificate().subject.CN));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"gitVersion":"v1.32.0-mtls"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-mtls-'));
    fs.writeFileSync(path.join(dir, 'client.crt'), pki.client.certPem);
    fs.writeFileSync(path.join(dir, 'client.key'), pki.client.keyPem);
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const cluster = { name: 'c', server: url, caData: b64(pki.caPem), skipTLSVerify: false, sourceFile: '/k' };
    const ctx = { name: 'x', demo: false, context: { name: 'x', cluster: 'c', user: 'u', sourceFile: '/k' }, cluster };
    const fromData = new ClusterTransport({ ...ctx, user: { name: 'u', certData: b64(pki.client.certPem), keyData: b64(pki.client.keyPem), sourceFile: '/k' } }, trust);
    await expect(requestJson(fromData, { path: '/version' })).resolves.toEqual({ gitVersion: 'v1.32.0-mtls' });
    const fromFiles = new ClusterTransport({ ...ctx, user: { name: 'u', certFile: path.join(dir, 'client.crt'), keyFile: path.join(dir, 'client.key'), sourceFile: '/k' } }, trust);
    await expect(requestJson(fromFiles, { path: '/version' })).resolves.toMatchObject({ gitVersion: 'v1.32.0-mtls' });
    expect(seen).toEqual(['jane', 'jane']);
    const noCert = new ClusterTransport({ ...ctx, user: { name: 'u', token: 't', sourceFile: '/k' } }, trust);
    await expect(requestJson(noCert, { path: '/version' })).rejects.toMatchObject({ code: 'unreachable' });
    for (const t of [fromData, fromFiles, noCert]) t.dispose();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('tunnels through a socks5 proxy-url', async () => {
    // A minimal SOCKS5 server (no auth, CONNECT to IPv4 or a host name).
    const targets: string[] = [];
    const socks = net.createServer((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]));
        client.once('data', (req) => {
          const atyp = req[3];
          let host: string;
          let at: number;
          if (atyp === 1) {
            host = [...req.subarray(4, 8)].join('.');
            at = 8;
          } else {
            host = req.subarray(5, 5 + req[4]).toString();
            at = 5 + req[4];
          }
          const port = req.readUInt16BE(at);
          targets.push(`${host}:${port}`);
          const upstream = net.connect(port, host, () => {
            client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
            upstream.pipe(client);
            client.pipe(upstream);
          });
          upstream.on('error', () => client.destroy());
          client.on('error', () => upstream.destroy());
        });
      });
    });
    await new Promise<void>((r) => socks.listen(0, '127.0.0.1', r));
    const proxyUrl = `socks5://127.0.0.1:${(socks.address() as AddressInfo).port}`;
    const t = new ClusterTransport({ ...admin, cluster: { ...admin.cluster!, proxyUrl } }, trust);
    await expect(requestJson(t, { path: '/version' })).resolves.toMatchObject({ gitVersion: expect.stringMatching(/^v1\.32/) });
    expect(targets).toEqual([`127.0.0.1:${sim.port}`]);
    t.dispose();
    await new Promise((r) => socks.close(r));
  });
});
