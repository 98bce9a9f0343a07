/**
 * The e2e run's simulator, as a process of its own (started by globalSetup with
 * `node --import tsx`): one demo cluster shared by every spec, plus a tiny loopback control
 * server so specs (which run in Playwright's worker processes, not here) can pull the
 * simulator's chaos levers: drop every watch, stall watches, compact history; and read back the
 * LIST requests the API server received since a reset (`GET /lists`, `POST /lists/reset`), so a
 * spec can count the full lists the app started.
 *
 * Prints one line `E2E-SIM {json}` (see {@link SimProcessInfo}) once ready; SIGTERM stops it.
 * This file is a program: import nothing from it (its types live in ./stack).
 */
import { subscribe } from 'node:diagnostics_channel';
import { createServer, type IncomingMessage } from 'node:http';
import { Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { startSim } from '../../sim/index';
import { SIM_READY_PREFIX, type SimProcessInfo } from './stack';

/** One LIST the API server received: its path and `labelSelector` ('' for none). */
interface ListRequest {
  path: string;
  labelSelector: string;
}

/**
 * The first page of every LIST (a GET that is neither a watch nor a `continue`) the simulator's
 * HTTPS server received since the last reset (none are kept before the first, so a run that
 * never asks holds nothing). Node publishes each incoming request on this channel, so the
 * simulator itself needs no hook; the plain-HTTP control server is not counted.
 */
function recordLists(): { lists?: ListRequest[] } {
  const log: { lists?: ListRequest[] } = {};
  subscribe('http.server.request.start', (message) => {
    const { request, server } = message as { request: IncomingMessage; server: unknown };
    if (!log.lists || !(server instanceof HttpsServer) || request.method !== 'GET') return;
    const url = new URL(request.url ?? '/', 'https://sim.local');
    const q = url.searchParams;
    if (q.get('watch') === 'true' || q.get('watch') === '1' || url.pathname.includes('/watch/') || q.has('continue')) return;
    log.lists.push({ path: url.pathname, labelSelector: q.get('labelSelector') ?? '' });
  });
  return log;
}

async function main(): Promise<void> {
  // speed: simulated delays (pull, start, readiness) run this many times faster, so pods a spec
  // creates are Running within a second or two. Not higher: the demo's every-minute CronJob
  // would then churn Jobs and pods so fast that counts never settle.
  const speed = Number(process.env.PILOTHOUSE_E2E_SIM_SPEED ?? 4);
  const requests = recordLists();
  const sim = await startSim({ scenario: 'demo', port: 0, speed });

  const control = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/lists') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(requests.lists ?? []));
      return;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end('POST only\n');
      return;
    }
    switch (url.pathname) {
      case '/drop-watches':
        sim.ctx.dropWatches();
        break;
      case '/stall-watches':
        sim.ctx.stallWatches(url.searchParams.get('on') !== 'false');
        break;
      case '/compact':
        sim.ctx.compact();
        break;
      case '/lists/reset':
        requests.lists = [];
        break;
      case '/rate-5xx': {
        const rate = Number(url.searchParams.get('rate'));
        if (!Number.isFinite(rate) || rate < 0 || rate > 1) {
          res.writeHead(400).end('rate must be a number from 0 to 1\n');
          return;
        }
        sim.ctx.chaos.rate5xx = rate;
        break;
      }
      default:
        res.writeHead(404).end(`unknown control ${url.pathname}\n`);
        return;
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));
  const { port } = control.address() as AddressInfo;

  const info: SimProcessInfo = { url: sim.url, kubeconfigPath: sim.kubeconfigPath, controlUrl: `http://127.0.0.1:${port}` };
  console.log(`${SIM_READY_PREFIX}${JSON.stringify(info)}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    control.close();
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // If the Playwright runner dies without tearing down, do not outlive it.
  process.stdin.on('end', () => void stop());
  process.stdin.resume();
}

main().catch((err: unknown) => {
  console.error('[e2e sim]', err);
  process.exit(1);
});
