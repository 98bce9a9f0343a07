/**
 * The web transport in front of the real core (main/core): the renderer's calls and streams
 * travel as JSON over a real WebSocket to the real handlers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractClient } from '../../app/contract/client';
import { contract, type ContextsSnapshot } from '../../app/contract/pilothouse';
import { createCore, type Core } from '../core/index';
import { startWebServer, type WebServer } from './server';
import { cookieFrom, openSocket, rawRequest, socketClient } from './testClient';

function kubeconfig(contexts: string[]): string {
  // The server is never contacted: the core is told not to connect at start.
  return [
    'apiVersion: v1',
    'kind: Config',
    `current-context: ${contexts[0]}`,
    'clusters:',
    '- name: c1',
    '  cluster: { server: "https://127.0.0.1:9" }',
    'users:',
    '- name: u1',
    '  user: { token: "secret-token-never-sent-to-the-renderer" }',
    'contexts:',
    ...contexts.flatMap((name) => [`- name: ${name}`, '  context: { cluster: c1, user: u1, namespace: shop }']),
    '',
  ].join('\n');
}

let dir: string;
let kubeconfigPath: string;
let core: Core;
let server: WebServer;
let client: ContractClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pilothouse-web-core-'));
  kubeconfigPath = path.join(dir, 'config');
  writeFileSync(kubeconfigPath, kubeconfig(['alpha', 'beta']));
  core = createCore({
    kubeconfigPaths: [kubeconfigPath],
    settingsPath: path.join(dir, 'settings.json'),
    trustStorePath: path.join(dir, 'trusted-exec.json'),
    mode: 'web',
    version: '9.9.9-test',
    log: () => {},
    tuning: { connectAtStart: false, kubeconfigDebounceMs: 20, kubeconfigPollMs: 100 },
  });
  server = await startWebServer({ handlers: core.handlers, staticDir: dir });
  const cookie = cookieFrom(await rawRequest(server.port, `/?token=${server.token}`));
  const ws = await openSocket(`ws://127.0.0.1:${server.port}/ws`, { Cookie: cookie, Origin: `http://127.0.0.1:${server.port}` });
  client = socketClient(ws);
});

afterAll(async () => {
  client?.close();
  await server?.close();
  await core?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('web mode with the real core', () => {
  it('answers appInfo through the socket', async () => {
    await expect(client.call(contract.appInfo, undefined)).resolves.toEqual({ version: '9.9.9-test', mode: 'web', platform: process.platform });
  });

  it('streams the kubeconfig contexts, live, without credentials', async () => {
    const snapshots: ContextsSnapshot[] = [];
    const unsubscribe = client.subscribe(contract.watchContexts, undefined, { onEvent: (s) => snapshots.push(s) });
    try {
      await expect.poll(() => snapshots.length, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(snapshots[0].contexts.map((c) => c.name).sort()).toEqual(['alpha', 'beta']);
      expect(snapshots[0].contexts[0]).toMatchObject({ sourceFile: kubeconfigPath, server: 'https://127.0.0.1:9', authKind: 'token' });
      expect(JSON.stringify(snapshots)).not.toContain('secret-token-never-sent-to-the-renderer');

      writeFileSync(kubeconfigPath, kubeconfig(['alpha', 'beta', 'gamma']));
      await expect
        .poll(() => snapshots.at(-1)?.contexts.map((c) => c.name).sort(), { timeout: 10_000 })
        .toEqual(['alpha', 'beta', 'gamma']);
    } finally {
      unsubscribe();
    }
  });

  it('returns the core’s validation errors as contract errors', async () => {
    await expect(client.call(contract.connectCluster, { context: 'no-such-context' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
