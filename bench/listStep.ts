/**
 * Step `list`: the simulator's pod list measured from Node, against the same simulator:
 *  - paginated (limit=500, following `continue`) with Node https + JSON.parse per page,
 *  - unpaginated (one response) with Node https + JSON.parse,
 *  - `kubectl get pods -A -o json` (the baseline),
 *  - raw JSON.parse of the same bytes (the floor).
 * Prints absolute times and ratios (best of the runs) and the simulator's start time and RSS.
 */
import { request } from 'node:https';
import { kubectlGetPods } from './kubectl';
import { mib, type BenchContext } from './common';
import type { SimInfo } from './simChild';

function get(sim: SimInfo, path: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, sim.url);
    const req = request(url, { ca: sim.caPem, headers: { Authorization: `Bearer ${sim.token}`, Accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`GET ${path}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`))));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function paginated(sim: SimInfo): Promise<{ ms: number; items: number; bytes: number; pages: number }> {
  const t0 = performance.now();
  let cont = '';
  let items = 0;
  let bytes = 0;
  let pages = 0;
  do {
    const body = await get(sim, `/api/v1/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
    bytes += body.length;
    pages++;
    const list = JSON.parse(body.toString('utf8')) as { items: unknown[]; metadata: { continue?: string } };
    items += list.items.length;
    cont = list.metadata.continue ?? '';
  } while (cont);
  return { ms: performance.now() - t0, items, bytes, pages };
}

async function unpaginated(sim: SimInfo): Promise<{ ms: number; items: number; body: Buffer }> {
  const t0 = performance.now();
  const body = await get(sim, '/api/v1/pods');
  const list = JSON.parse(body.toString('utf8')) as { items: unknown[] };
  return { ms: performance.now() - t0, items: list.items.length, body };
}

function rawParse(body: Buffer): number {
  const text = body.toString('utf8');
  const t0 = performance.now();
  JSON.parse(text);
  return performance.now() - t0;
}

export async function listStep({ sim, runs }: BenchContext): Promise<void> {
  const info = sim.info;
  const best = { page: Infinity, full: Infinity, kubectl: Infinity, parse: Infinity };
  let pageInfo = { items: 0, bytes: 0, pages: 0 };
  let fullItems = 0;
  let fullBytes = 0;
  for (let run = 1; run <= runs; run++) {
    const p = await paginated(info);
    const u = await unpaginated(info);
    const k = await kubectlGetPods(info.kubeconfigPath);
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
  const after = await sim.memory();

  const rows: Array<[string, number]> = [
    [`paginated list (limit=500, ${pageInfo.pages} pages) https + JSON.parse`, best.page],
    ['unpaginated list https + JSON.parse', best.full],
    ['kubectl get pods -A -o json', best.kubectl],
    [`JSON.parse of the same ${mib(fullBytes)}`, best.parse],
  ];
  const w = Math.max(...rows.map(([n]) => n.length));
  console.log(`\n${info.pods} pods, ${fullItems} listed unpaginated, ${pageInfo.items} paginated; ${mib(fullBytes)} of JSON (${(fullBytes / fullItems / 1024).toFixed(1)} KiB/pod); best of ${runs} runs\n`);
  console.log(`${'operation'.padEnd(w)}  ${'time'.padStart(9)}  ${'× kubectl'.padStart(9)}  ${'× JSON.parse'.padStart(12)}`);
  for (const [name, ms] of rows) {
    console.log(`${name.padEnd(w)}  ${`${ms.toFixed(0)} ms`.padStart(9)}  ${(ms / best.kubectl).toFixed(2).padStart(9)}  ${(ms / best.parse).toFixed(2).padStart(12)}`);
  }
  console.log(`simulator: RSS ${mib(after.rss)} after the lists (heap ${mib(after.heapUsed)})`);
}
