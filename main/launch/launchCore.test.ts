/**
 * The launch path both shells share, end to end: no kubeconfig → the built-in demo cluster
 * (the real simulator) → the real core → the web transport → a client over a real socket.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../app/contract/client';
import { contract, type ContextsSnapshot } from '../../app/contract/pilothouse';
import type { WatchEvent } from '../../app/watch/types';
import { startSim } from '../../sim/index';
import { createCore } from '../core/index';
import { appPaths } from '../paths';
import { startWebServer, type WebServer } from '../web/server';
import { cookieFrom, openSocket, rawRequest, socketClient } from '../web/testClient';
import { launchCore, type LaunchedCore } from './launchCore';

let dir: string;
let launched: LaunchedCore;
let server: WebServer;
let client: ContractClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pilothouse-launch-'));
  launched = await launchCore(
    { createCore: (o) => createCore({ ...o, log: () => {} }), startDemoCluster: (o) => startSim(o) },
    // KUBECONFIG names a file that does not exist: exactly a newcomer's machine.
    { mode: 'web', version: '0.0.0-test', paths: appPaths(dir), env: { KUBECONFIG: path.join(dir, 'absent') } },
  );
  server = await startWebServer({ handlers: launched.handlers, staticDir: dir });
  const cookie = cookieFrom(await rawRequest(server.port, `/?token=${server.token}`));
  client = socketClient(await openSocket(`ws://127.0.0.1:${server.port}/ws`, { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` }));
}, 60_000);

afterAll(async () => {
  client?.close();
  await server?.close();
  await launched?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('launch with no kubeconfig', () => {
  it('starts the demo cluster in the user data dir and keeps watching the kubeconfig path', () => {
    expect(launched.plan).toEqual({ kubeconfigPaths: [path.join(dir, 'absent')], source: 'KUBECONFIG', demo: true });
    expect(launched.demo?.kubeconfigPath.startsWith(path.join(dir, 'demo'))).toBe(true);
    expect(existsSync(launched.demo!.kubeconfigPath)).toBe(true);
  });

  it('lists the demo contexts, marked as demo, through the socket', async () => {
    const snapshot = await new Promise<ContextsSnapshot>((resolve) => {
      const off = client.subscribe(contract.watchContexts, undefined, {
        onEvent: (s) => {
          off();
          resolve(s);
        },
      });
    });
    const admin = snapshot.contexts.find((c) => c.name === 'sim-admin');
    expect(admin).toMatchObject({ demo: true, current: true, sourceFile: launched.demo!.kubeconfigPath });
  });

  it('streams the demo cluster’s namespaces through the socket', async () => {
    const first = await new Promise<WatchEvent>((resolve, reject) => {
      const off = client.subscribe(
        contract.watchObjects,
        { context: 'sim-admin', ref: { group: '', version: 'v1', resource: 'namespaces' } },
        {
          onEvent: (ev) => {
            if (ev.type === 'status') return;
            off();
            resolve(ev);
          },
          onEnd: (error) => reject(new Error(error?.message ?? 'stream ended')),
        },
      );
    });
    expect(first.type).toBe('page');
    if (first.type === 'page') expect(first.items.map((o) => o.metadata.name)).toContain('default');
  });
});
