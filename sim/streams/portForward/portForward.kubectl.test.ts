/**
 * Port-forward through the real path: the simulator on a free port, the real kubectl
 * (`port-forward pod/…` and `svc/…`, over its default SPDY-in-WebSocket tunnel and over plain
 * SPDY), Node's HTTP client through the forwarded local port, and @kubernetes/client-node's
 * PortForward (the kubelet's v4.channel.k8s.io WebSocket protocol).
 */
import { KubeConfig, PortForward } from '@kubernetes/client-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isRunning, startTestSim, waitUntil, type TestSim } from '../testSim';

const MANIFEST = `
apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: storefront, namespace: shop }
spec:
  replicas: 1
  selector: { matchLabels: { app: storefront } }
  template:
    metadata: { labels: { app: storefront } }
    spec:
      containers:
        - name: storefront
          image: nginx:1.27
          ports: [{ name: http, containerPort: 8080 }]
        - name: metrics-sidecar
          image: prom/statsd-exporter:v0.27.1
          ports: [{ name: metrics, containerPort: 9102 }]
---
apiVersion: v1
kind: Service
metadata: { name: storefront, namespace: shop }
spec:
  selector: { app: storefront }
  ports: [{ name: http, port: 80, targetPort: http }]
`;

interface Forward {
  child: ChildProcess;
  localPort: number;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let t: TestSim;
let podName = '';
const children = new Set<ChildProcess>();

/** Starts `kubectl port-forward`, resolving once it prints the local port it listens on. */
async function portForward(args: string[], env: Record<string, string> = {}): Promise<Forward> {
  const child = spawn('kubectl', ['port-forward', ...args], { env: { ...process.env, KUBECONFIG: t.sim.kubeconfigPath, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const localPort = await waitUntil(
    () => {
      if (child.exitCode !== null) throw new Error(`kubectl port-forward exited ${child.exitCode}: ${err}`);
      const m = /Forwarding from 127\.0\.0\.1:(\d+) ->/.exec(out);
      return m ? Number(m[1]) : undefined;
    },
    20_000,
    'kubectl port-forward to listen',
  );
  return { child, localPort, stdout: () => out, stderr: () => err, exited };
}

function get(port: number, path: string, body?: Buffer): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: body ? 'POST' : 'GET', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw upgrade request to the portforward subresource; resolves with the non-101 answer. */
function upgrade(path: string, headers: Record<string, string>): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(`${t.sim.url}${path}`, { method: 'POST', ca: t.sim.caPem, headers: { Authorization: `Bearer ${t.sim.tokens.admin}`, Connection: 'Upgrade', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  t = await startTestSim();
  const applied = await t.kubectl(['apply', '-f', '-'], MANIFEST);
  expect(applied.code, applied.stderr).toBe(0);
  podName = await waitUntil(() => {
    const pod = t.sim.ctx.store.list('pods', { namespace: 'shop', labelSelector: 'app=storefront' }).map((o) => o.parse() as { metadata: { name: string }; status?: Record<string, unknown> }).find((p) => isRunning(p));
    return pod?.metadata.name;
  }, 45_000, 'storefront pod running');
}, 60_000);

afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  children.clear();
});

afterAll(async () => {
  await t?.stop();
});

describe('kubectl port-forward', () => {
  it('forwards a pod port over the WebSocket tunnel: the page names the pod, container and port', async () => {
    const fwd = await portForward(['-n', 'shop', `pod/${podName}`, ':8080', '-v=4']);
    const page = await get(fwd.localPort, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(page.body).toContain(`Hello from pod shop/${podName}`);
    expect(page.body).toContain('container: storefront');
    expect(page.body).toContain('port: 8080 (http)');
    const health = await get(fwd.localPort, '/healthz');
    expect(health).toMatchObject({ status: 200, body: 'ok\n' });
    // Several connections in a row, each its own pair of streams on the one session.
    for (let i = 0; i < 3; i++) expect((await get(fwd.localPort, `/n/${i}`)).body).toContain(`request: GET /n/${i}`);
    // A 1 MiB upload arrives whole (many DATA frames through the tunnel).
    const upload = await get(fwd.localPort, '/upload', Buffer.alloc(1024 * 1024, 7));
    expect(upload.body).toContain('request: POST /upload (1048576 bytes of body)');
    expect(fwd.stdout()).toMatch(/Handling connection for \d+/);
    // kubectl stayed on the WebSocket tunnel (no fallback to SPDY).
    expect(fwd.stderr()).toContain('negotiated protocol: portforward.k8s.io');
    expect(fwd.stderr()).not.toContain('fallback to secondary dialer');
    expect(fwd.child.exitCode).toBeNull();
  });

  it('forwards a port of another container in the pod (one network namespace)', async () => {
    const fwd = await portForward(['-n', 'shop', `pod/${podName}`, ':9102']);
    const page = await get(fwd.localPort, '/metrics');
    expect(page.body).toContain('container: metrics-sidecar');
    expect(page.body).toContain('port: 9102 (metrics)');
  });

  it('resolves svc/storefront 80 to a pod and its target port (client side) and forwards it', async () => {
    const fwd = await portForward(['-n', 'shop', 'svc/storefront', ':80']);
    expect(fwd.stdout()).toMatch(/Forwarding from 127\.0\.0\.1:\d+ -> 8080/);
    const page = await get(fwd.localPort, '/');
    expect(page.body).toContain(`Hello from pod shop/${podName}`);
    expect(page.body).toContain('port: 8080 (http)');
  });

  it('works over plain SPDY/3.1 too (kubectl with WebSockets disabled)', async () => {
    const fwd = await portForward(['-n', 'shop', `pod/${podName}`, ':8080', '-v=6'], { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' });
    expect(fwd.stderr()).toMatch(/POST https:\/\/\S+\/portforward 101 Switching Protocols/);
    const page = await get(fwd.localPort, '/via-spdy');
    expect(page.body).toContain(`Hello from pod shop/${podName}`);
    expect(page.body).toContain('request: GET /via-spdy');
  });

  it('reports an undeclared port like containerd (connection refused) and kubectl gives up', async () => {
    const fwd = await portForward(['-n', 'shop', `pod/${podName}`, ':9999']);
    await expect(get(fwd.localPort, '/')).rejects.toThrow();
    const code = await fwd.exited;
    expect(code).toBe(1);
    expect(fwd.stderr()).toMatch(
      /an error occurred forwarding \d+ -> 9999: error forwarding port 9999 to pod [0-9a-f]{64}, uid : failed to execute portforward in network namespace \\"\/var\/run\/netns\/cni-[0-9a-f-]{36}\\": failed to connect to localhost:9999 inside namespace \\"[0-9a-f]{64}\\", IPv4: dial tcp4 127\.0\.0\.1:9999: connect: connection refused/,
    );
    expect(fwd.stderr()).toContain('error: lost connection to pod');
  });

  it('refuses the read-only user (no create on pods/portforward) and unknown pods', async () => {
    const viewer = await t.kubectl(['--context', 'sim-viewer', '-n', 'shop', 'port-forward', `pod/${podName}`, ':8080']);
    expect(viewer.code).toBe(1);
    expect(viewer.stderr).toContain(`error upgrading connection: pods "${podName}" is forbidden: User "viewer" cannot create resource "pods/portforward" in API group "" in the namespace "shop"`);
    const missing = await t.kubectl(['-n', 'shop', 'port-forward', 'pod/nosuch', ':8080']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('pods "nosuch" not found');
    // Past kubectl's client-side checks, the API server answers the upgrade itself with a 404.
    const raw = await upgrade('/api/v1/namespaces/shop/pods/nosuch/portforward', { Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'portforward.k8s.io' });
    expect(raw.status).toBe(404);
    expect(JSON.parse(raw.body)).toMatchObject({ kind: 'Status', reason: 'NotFound', message: 'pods "nosuch" not found' });
  });

  it('answers pods that are not running with the API server and kubelet errors', async () => {
    await t.kubectl(['run', 'pulling', '--image=ghcr.io/acme/does-not-exist:1.0', '--port=8080']);
    await t.waitForPod('default', 'pulling', (p) => !!(p.spec as { nodeName?: string }).nodeName);
    const waiting = await upgrade('/api/v1/namespaces/default/pods/pulling/portforward', { Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'portforward.k8s.io' });
    expect(waiting.status).toBe(500);
    expect(JSON.parse(waiting.body).message).toBe('unable to upgrade connection: pod not found ("pulling_default")');
    // kubectl itself refuses before asking the server.
    const cli = await t.kubectl(['port-forward', 'pod/pulling', ':8080']);
    expect(cli.stderr).toContain('unable to forward port because pod is not running. Current status=Pending');

    await t.kubectl(['run', 'homeless', '--image=nginx:1.27', '--overrides={"spec":{"nodeSelector":{"no-such-node":"true"}}}']);
    await t.waitForPod('default', 'homeless', () => true);
    const unscheduled = await upgrade('/api/v1/namespaces/default/pods/homeless/portforward', { Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'portforward.k8s.io' });
    expect(unscheduled.status).toBe(400);
    expect(JSON.parse(unscheduled.body).message).toBe('pod homeless does not have a host assigned');
  });

  it('ends the session when the pod is deleted (kubectl: lost connection to pod)', async () => {
    await t.kubectl(['run', 'shortlived', '--image=nginx:1.27', '--port=80']);
    await t.waitForPod('default', 'shortlived', isRunning);
    const fwd = await portForward(['pod/shortlived', ':80']);
    expect((await get(fwd.localPort, '/')).body).toContain('Hello from pod default/shortlived');
    await t.kubectl(['delete', 'pod', 'shortlived', '--force', '--grace-period=0', '--wait=false']);
    const code = await fwd.exited;
    expect(code).toBe(1);
    expect(fwd.stderr()).toContain('lost connection to pod');
  });
});

describe('@kubernetes/client-node PortForward (WebSocket v4.channel.k8s.io)', () => {
  async function forwardOnce(port: number, input: string, done: (out: string) => boolean): Promise<{ out: string; err: string }> {
    const kc = new KubeConfig();
    kc.loadFromFile(t.sim.kubeconfigPath);
    let out = '';
    let err = '';
    const output = new Writable({ write: (c: Buffer, _e, cb) => ((out += c.toString()), cb()) });
    const errors = new Writable({ write: (c: Buffer, _e, cb) => ((err += c.toString()), cb()) });
    const stdin = new PassThrough();
    const ws = (await new PortForward(kc).portForward('shop', podName, [port], output, errors, stdin)) as { close(): void };
    try {
      stdin.write(input);
      await waitUntil(() => done(out) || err.length > 0, 10_000, 'port-forward answer');
      return { out, err };
    } finally {
      ws.close();
    }
  }

  it('forwards to a declared port and carries the refusal on the error channel otherwise', async () => {
    const ok = await forwardOnce(8080, 'GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n', (out) => out.includes('ok\n'));
    expect(ok.err).toBe('');
    expect(ok.out).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(ok.out).toContain(`X-Sim-Pod: shop/${podName}`);
    const refused = await forwardOnce(9999, 'GET / HTTP/1.1\r\n\r\n', () => false);
    expect(refused.err).toContain('error forwarding port 9999 to pod');
    expect(refused.err).toContain('connect: connection refused');
  });

  it('rejects a WebSocket request without ports like the kubelet', async () => {
    const res = await upgrade(`/api/v1/namespaces/shop/pods/${podName}/portforward`, { Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v4.channel.k8s.io' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body).message).toBe('query parameter "port" is required');
  });
});
