/**
 * `npm run bench`: lists of 50k pods against the simulator's `scale` scenario, in one run:
 *  - paginated (limit=500, following `continue`) with Node https + JSON.parse per page,
 *  - unpaginated (one response) with Node https + JSON.parse,
 *  - `kubectl get pods -A -o json` (the baseline),
 *  - raw JSON.parse of the same bytes (the floor).
 * Prints absolute times and ratios, plus the simulator's start time and RSS.
 * Env: BENCH_PODS (default 50000), BENCH_RUNS (default 1; the best run is reported).
 * Wall-clock times: the load average is printed too, since a busy machine stretches all of them.
 */
import { fork, spawn } from 'node:child_process';
import { request } from 'node:https';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Ready { type: 'ready'; url: string; caPem: string; token: string; kubeconfigPath: string; startMs: number; startCpuMs: number; rss: number }
type Msg = Ready | { type: 'rss'; rss: number; heapUsed: number };

const PODS = Number(process.env.BENCH_PODS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const here = dirname(fileURLToPath(import.meta.url));
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function get(ready: Ready, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, ready.url);
    const req = request(url, { ca: ready.caPem, headers: { Authorization: `Bearer ${ready.token}`, Accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function paginated(ready: Ready): Promise<{ ms: number; items: number; bytes: number; pages: number }> {
  const t0 = performance.now();
  let cont = '';
  let items = 0;
  let bytes = 0;
  let pages = 0;
  do {
    const body = await get(ready, `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
    bytes += body.length;
    pages++;
    const list = JSON.parse(body.toString('utf8')) as { items: unknown[]; metadata: { continue?: string } };
    items += list.items.length;
    cont = list.metadata.continue ?? '';
  } while (cont);
  return { ms: performance.now() - t0, items, bytes, pages };
}

async function unpaginated(ready: Ready): Promise<{ ms: number; items: number; body: Buffer }> {
  const t0 = performance.now();
  const body = await get(ready, '/api/v1/pods');
  const list = JSON.parse(body.toString('utf8')) as { items: unknown[] };
  return { ms: performance.now() - t0, items: list.items.length, body };
}

function kubectl(ready: Ready): Promise<{ ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('kubectl', ['--kubeconfig', ready.kubeconfigPath, 'get', 'pods', '-A', '-o', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr.on('data', (c: Buffer) => (err += c));
    child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, bytes }) : reject(new Error(`kubectl exited ${code}: ${err}`))));
  });
}

function rawParse(body: Buffer): number {
  const text = body.toString('utf8');
  const t0 = performance.now();
  JSON.parse(text);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  console.log(`starting the simulator (scale scenario, ${PODS} pods)…`);
  const child = fork(join(here, 'simServer.ts'), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_PODS: String(PODS) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<Msg>((resolve) => child.once('message', (m) => resolve(m as Msg)));
  const ready = (await next()) as Ready;
  try {
    const best = { page: Infinity, full: Infinity, kubectl: Infinity, parse: Infinity };
    let pageInfo = { items: 0, bytes: 0, pages: 0 };
    let fullItems = 0;
    let fullBytes = 0;
    for (let run = 1; run <= RUNS; run++) {
      const p = await paginated(ready);
      const u = await unpaginated(ready);
      const k = await kubectl(ready);
      const parse = rawParse(u.body);
      best.page = Math.min(best.page, p.ms);
      best.full = Math.min(best.full, u.ms);
      best.kubectl = Math.min(best.kubectl, k.ms);
      best.parse = Math.min(best.parse, parse);
      pageInfo = p;
      fullItems = u.items;
      fullBytes = u.body.length;
      console.log(`run ${run}: paginated ${p.ms.toFixed(0)} ms, unpaginated ${u.ms.toFixed(0)} ms, kubectl ${k.ms.toFixed(0)} ms, JSON.parse ${parse.toFixed(0)} ms`);
    }
    child.send({ type: 'rss' });
    const after = (await next()) as { rss: number; heapUsed: number };

    const rows: Array<[string, number]> = [
      [`paginated list (limit=500, ${pageInfo.pages} pages) https + JSON.parse`, best.page],
      ['unpaginated list https + JSON.parse', best.full],
      ['kubectl get pods -A -o json', best.kubectl],
      [`JSON.parse of the same ${mib(fullBytes)}`, best.parse],
    ];
    const w = Math.max(...rows.map(([n]) => n.length));
    console.log(`\n${PODS} pods, ${fullItems} listed unpaginated, ${pageInfo.items} paginated; ${mib(fullBytes)} of JSON (${(fullBytes / fullItems / 1024).toFixed(1)} KiB/pod); best of ${RUNS} runs\n`);
    console.log(`${'operation'.padEnd(w)}  ${'time'.padStart(9)}  ${'× kubectl'.padStart(9)}  ${'× JSON.parse'.padStart(12)}`);
    for (const [name, ms] of rows) {
      console.log(`${name.padEnd(w)}  ${`${ms.toFixed(0)} ms`.padStart(9)}  ${(ms / best.kubectl).toFixed(2).padStart(9)}  ${(ms / best.parse).toFixed(2).padStart(12)}`);
    }
    console.log(`\nmachine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min)`);
    console.log(`simulator: started in ${(ready.startMs / 1000).toFixed(1)} s (${(ready.startCpuMs / 1000).toFixed(1)} s CPU); RSS ${mib(ready.rss)} after load, ${mib(after.rss)} after the lists (heap ${mib(after.heapUsed)})`);
  } finally {
    child.send({ type: 'stop' });
    await new Promise((r) => child.once('exit', r));
  }
}

await main();
