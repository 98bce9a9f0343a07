/**
 * The service proxy through the real path (kubectl get --raw and HTTPS), in front of a small
 * local HTTP server and in front of a real Prometheus that scrapes the simulator.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseServiceRef, parseUpstreams } from './proxy';
import { isRunning, startTestSim, waitUntil, type TestSim } from './testSim';

const PROMETHEUS = '/usr/bin/prometheus';
let t: TestSim;
let echo: Server;
let echoPort = 0;
let promPort = 0;
let lastRequest: { method?: string; url?: string; headers: IncomingMessage['headers']; body: string } | undefined;

const MANIFESTS = `
apiVersion: v1
kind: Service
metadata: { name: echo, namespace: default }
spec: { selector: { app: echo }, ports: [{ name: http, port: 80, targetPort: 8080 }] }
---
apiVersion: v1
kind: Service
metadata: { name: lonely, namespace: default }
spec: { selector: { app: lonely }, ports: [{ name: http, port: 80 }] }
---
apiVersion: v1
kind: Service
metadata: { name: down, namespace: default }
spec: { selector: { app: down }, ports: [{ port: 80 }] }
---
apiVersion: v1
kind: Namespace
metadata: { name: monitoring }
---
apiVersion: v1
kind: Service
metadata: { name: prometheus-server, namespace: monitoring }
spec: { selector: { app: prometheus }, ports: [{ name: http, port: 80, targetPort: 9090 }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web, namespace: default }
spec:
  containers: [{ name: web, image: nginx:1.27, resources: { limits: { memory: 128Mi } } }]
`;

/** A free loopback port (Prometheus cannot listen on port 0 and tell us which). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createNetServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  echo = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      lastRequest = { method: req.method, url: req.url, headers: req.headers, body };
      res.writeHead(req.url?.startsWith('/missing') ? 404 : 200, { 'Content-Type': 'text/plain', 'X-Upstream': 'echo' });
      res.end(`echo ${req.method} ${req.url}`);
    });
  });
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoPort = (echo.address() as { port: number }).port;
  promPort = await freePort();
  const deadPort = await freePort();
  t = await startTestSim({
    serviceProxyUpstreams: {
      'default/echo': `http://127.0.0.1:${echoPort}`,
      'default/down': `http://127.0.0.1:${deadPort}`,
      'monitoring/prometheus-server': `http://127.0.0.1:${promPort}`,
    },
  });
  const applied = await t.kubectl(['apply', '-f', '-'], MANIFESTS);
  expect(applied.stderr).toBe('');
});

afterAll(async () => {
  await t?.stop();
  echo?.close();
});

describe('service proxy configuration', () => {
  it('reads upstreams from an object, a CLI string or JSON, and refuses malformed pairs', () => {
    expect(parseUpstreams({ 'a/b': 'http://127.0.0.1:1', bad: 3 })).toEqual({ 'a/b': 'http://127.0.0.1:1' });
    expect(parseUpstreams('monitoring/prometheus-server=http://127.0.0.1:9090, default/echo:http=http://127.0.0.1:8080')).toEqual({ 'monitoring/prometheus-server': 'http://127.0.0.1:9090', 'default/echo:http': 'http://127.0.0.1:8080' });
    expect(parseUpstreams('{"a/b":"http://x"}')).toEqual({ 'a/b': 'http://x' });
    expect(() => parseUpstreams('prometheus=http://x')).toThrow('expected namespace/service[:port]=url, got "prometheus=http://x"');
  });

  it('splits [scheme:]name[:port] like the API server', () => {
    expect(parseServiceRef('web')).toEqual({ scheme: '', name: 'web', port: '' });
    expect(parseServiceRef('web:8080')).toEqual({ scheme: '', name: 'web', port: '8080' });
    expect(parseServiceRef('https:web:')).toEqual({ scheme: 'https', name: 'web', port: '' });
  });
});

describe('service proxy', () => {
  it('forwards method, path and query, without the API token', async () => {
    const res = await t.kubectl(['get', '--raw', '/api/v1/namespaces/default/services/echo:http/proxy/hello/world?x=1&y=two']);
    expect(res.stdout).toBe('echo GET /hello/world?x=1&y=two');
    expect(lastRequest?.headers.authorization).toBeUndefined();
    const post = await t.api('POST', '/api/v1/namespaces/default/services/http:echo:80/proxy/submit', 'payload', { 'Content-Type': 'text/plain' });
    expect(post.status).toBe(200);
    expect(post.headers['x-upstream']).toBe('echo');
    expect(lastRequest).toMatchObject({ method: 'POST', url: '/submit', body: 'payload' });
    const missing = await t.apiGet('/api/v1/namespaces/default/services/echo/proxy/missing');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('echo GET /missing');
  });

  it('answers like the API server when it cannot forward', async () => {
    const status = async (path: string) => {
      const res = await t.apiGet(path);
      return { code: res.status, ...(JSON.parse(res.body) as { reason: string; message: string }) };
    };
    expect(await status('/api/v1/namespaces/default/services/lonely/proxy/')).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      code: 503,
      reason: 'ServiceUnavailable',
      message: 'no upstream configured for service default/lonely port http; start the simulator with --service-proxy-upstreams default/lonely=http://127.0.0.1:PORT (startSim option serviceProxyUpstreams) to forward it',
    });
    expect((await status('/api/v1/namespaces/default/services/http:lonely:80/proxy/')).message).toMatch(/^no upstream configured for service default\/lonely port http;/);
    const viaKubectl = await t.kubectl(['get', '--raw', '/api/v1/namespaces/default/services/lonely:http/proxy/api/v1/query?query=up']);
    expect(viaKubectl.code).not.toBe(0);
    expect(viaKubectl.stderr).toContain('Error from server (ServiceUnavailable): no upstream configured for service default/lonely port http; start the simulator with --service-proxy-upstreams default/lonely=http://127.0.0.1:PORT');
    expect(await status('/api/v1/namespaces/default/services/nosuch/proxy/')).toMatchObject({ code: 404, reason: 'NotFound', message: 'services "nosuch" not found' });
    expect(await status('/api/v1/namespaces/default/services/echo:metrics/proxy/')).toMatchObject({ code: 503, message: 'no service port "metrics" found for service "echo"' });
    const down = await status('/api/v1/namespaces/default/services/down/proxy/');
    expect(down).toMatchObject({ code: 503, reason: 'ServiceUnavailable' });
    expect(down.message).toMatch(/^error trying to reach service: dial tcp 127\.0\.0\.1:\d+: connect: connection refused$/);
  });
});

describe('a real Prometheus behind the service proxy', () => {
  let prometheus: ChildProcess | undefined;
  let workDir = '';

  afterAll(() => {
    if (prometheus?.pid) prometheus.kill('SIGKILL');
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it.skipIf(!existsSync(PROMETHEUS))('scrapes /metrics/cluster and answers PromQL through services/prometheus-server/proxy (needs the Debian prometheus package)', async () => {
    await t.waitForPod('default', 'web', isRunning);
    workDir = mkdtempSync(join(tmpdir(), 'streams-prometheus-'));
    writeFileSync(join(workDir, 'ca.crt'), t.sim.caPem);
    writeFileSync(join(workDir, 'token'), t.sim.tokens.admin);
    writeFileSync(
      join(workDir, 'prometheus.yml'),
      `global: { scrape_interval: 1s, scrape_timeout: 1s }
scrape_configs:
  - job_name: sim
    scheme: https
    metrics_path: /metrics/cluster
    honor_labels: true
    tls_config: { ca_file: ${join(workDir, 'ca.crt')} }
    authorization: { credentials_file: ${join(workDir, 'token')} }
    static_configs: [{ targets: ['127.0.0.1:${t.sim.port}'] }]
`,
    );
    prometheus = spawn(PROMETHEUS, [`--config.file=${join(workDir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(workDir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`], { stdio: 'ignore' });
    const query = encodeURIComponent('container_memory_working_set_bytes{namespace="default",pod="web",container="web"}');
    const path = `/api/v1/namespaces/monitoring/services/prometheus-server:http/proxy/api/v1/query?query=${query}`;
    const result = await waitUntil(async () => {
      const res = await t.kubectl(['get', '--raw', path]);
      if (res.code !== 0) return false;
      const body = JSON.parse(res.stdout) as { status: string; data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> } };
      return body.data.result.length > 0 ? body.data.result : false;
    }, 40_000, 'Prometheus to scrape the simulator');
    expect(result).toHaveLength(1);
    expect(result[0].metric).toMatchObject({ __name__: 'container_memory_working_set_bytes', namespace: 'default', pod: 'web', container: 'web', job: 'kubelet', metrics_path: '/metrics/cadvisor' });
    expect(result[0].metric.image).toMatch(/nginx:1\.27$/);
    expect(result[0].metric.node).toMatch(/^node-\d$/);
    const bytes = Number(result[0].value[1]);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(128 * 2 ** 20);
    const targets = await t.kubectl(['get', '--raw', '/api/v1/namespaces/monitoring/services/prometheus-server:http/proxy/api/v1/targets']);
    expect(JSON.parse(targets.stdout).data.activeTargets[0]).toMatchObject({ health: 'up', lastError: '' });
  }, 60_000);
});
