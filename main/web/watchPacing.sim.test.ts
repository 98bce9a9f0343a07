/**
 * A big list through the real path — simulator, core, web server, WebSocket — to a reader
 * that does not keep up. Before, the whole list went out as one message: nothing showed until
 * all pages were listed, and a list over the socket's buffered limit closed the socket (1008),
 * over and over. Now the pages go out as they are listed, each one message, and a reader that
 * stops acknowledging simply stops receiving: nothing is cut off, nothing piles up in main.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../sim/index';
import { contract } from '../../app/contract/pilothouse';
import type { ServerMessage } from '../../app/contract/protocol';
import { STREAM_WINDOW } from '../../app/contract/serve';
import type { WatchEvent } from '../../app/watch/types';
import { createCore, type Core } from '../core/index';
import { clientFor, until } from '../core/testing/contractClient';
import { startWebServer, type WebServer } from './server';
import { cookieFrom, openSocket, rawRequest } from './testClient';

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
let core: Core;
let server: WebServer;
let dir: string;
const PODS = 6000; // 12 pages of 500: more than the window.

beforeAll(async () => {
  sim = await startSim({ controllers: false });
  sim.ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'big' } });
  for (let i = 0; i < PODS; i++) {
    sim.ctx.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'big', labels: { app: 'big' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-pacing-'));
  core = createCore({ kubeconfigPaths: [sim.kubeconfigPath], settingsPath: path.join(dir, 'settings.json'), trustStorePath: path.join(dir, 'trust.json'), mode: 'web', version: '9.9.9', log: () => {} });
  server = await startWebServer({ handlers: core.handlers, staticDir: dir });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rawSocket() {
  const cookie = cookieFrom(await rawRequest(server.port, `/?token=${server.token}`));
  const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws`, { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` });
  const received: { msg: ServerMessage; bytes: number }[] = [];
  ws.on('message', (data: Buffer) => received.push({ msg: JSON.parse(data.toString()) as ServerMessage, bytes: data.length }));
  return { ws, received };
}

const eventsOf = (received: { msg: ServerMessage }[]) => received.flatMap((r) => (r.msg.t === 'event' ? [r.msg.ev as WatchEvent] : []));

describe('a big list to a slow reader over the real socket', () => {
  it('sends pages as they are listed, stops at the window while unacknowledged, and finishes when read', async () => {
    const { ws, received } = await rawSocket();
    const closed: number[] = [];
    ws.on('close', (code) => closed.push(code));
    ws.send(JSON.stringify({ t: 'sub', id: 1, ch: contract.watchObjects.name, params: { context: 'sim-admin', ref: { group: '', version: 'v1', resource: 'pods' }, namespace: 'big' } }));
    await until(() => received.length >= STREAM_WINDOW, 60_000);
    // A second, reading subscriber shares the informer: once it is synced, everything has been
    // listed, so the slow reader's producer had every chance to send more, and must not have.
    const reader = clientFor(core.handlers);
    let synced = false;
    reader.subscribe(contract.watchObjects, { context: 'sim-admin', ref: { group: '', version: 'v1', resource: 'pods' }, namespace: 'big' }, { onEvent: (e) => e.type === 'synced' && (synced = true) });
    await until(() => synced, 60_000);
    reader.close();
    expect(received).toHaveLength(STREAM_WINDOW);
    expect(eventsOf(received).filter((e) => e.type === 'page')[0]).toMatchObject({ first: true });
    // Each message holds one page at most (about 500 pods), never the whole list.
    expect(Math.max(...received.map((r) => r.bytes))).toBeLessThan(8 * 1024 * 1024);

    // Reading on (acknowledging what was consumed) lets the rest through, in order.
    let acked = 0;
    while (!eventsOf(received).some((e) => e.type === 'synced')) {
      const n = received.length - acked;
      if (n > 0) ws.send(JSON.stringify({ t: 'ack', id: 1, n }));
      acked += n;
      await until(() => received.length > acked || eventsOf(received).some((e) => e.type === 'synced'), 30_000);
    }
    const pages = eventsOf(received).filter((e): e is Extract<WatchEvent, { type: 'page' }> => e.type === 'page');
    expect(pages.filter((p) => p.first)).toHaveLength(1);
    expect(new Set(pages.flatMap((p) => p.items.map((o) => o.metadata.uid))).size).toBe(PODS);
    expect(closed).toEqual([]);
    ws.close();
  }, 120_000);
});
