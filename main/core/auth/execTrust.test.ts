/**
 * A kubeconfig's exec command is attacker-controlled text: it must not run before the user
 * trusts exactly that command line, and then it runs with its token cached and refreshed on 401.
 * Exercised through the real contract path (serveContract + memory ports + client).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, type ContextsSnapshot } from '../../../app/contract/pilothouse';
import type { WatchEvent } from '../../../app/watch/types';
import { createCore, type Core } from '../index';
import { startFakeApiServer, type FakeApiServer } from '../testing/fakeApiServer';
import { clientFor, until } from '../testing/contractClient';

let core: Core | undefined;
let server: FakeApiServer | undefined;
let dir: string;
afterEach(async () => {
  await core?.dispose();
  await server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function setup(script: string) {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-exec-'));
  server = await startFakeApiServer();
  const kubeconfig = path.join(dir, 'config');
  fs.writeFileSync(
    kubeconfig,
    JSON.stringify({
      apiVersion: 'v1',
      kind: 'Config',
      'current-context': 'evil',
      clusters: [{ name: 'c', cluster: { server: server.url } }],
      users: [{ name: 'u', user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'sh', args: ['-c', script] } } }],
      contexts: [{ name: 'evil', context: { cluster: 'c', user: 'u' } }],
    }),
  );
  core = createCore({ kubeconfigPaths: [kubeconfig], settingsPath: path.join(dir, 'settings.json'), trustStorePath: path.join(dir, 'trust.json'), mode: 'web', version: 'test', log: () => {} });
  return clientFor(core.handlers);
}


describe('exec credential plugins', () => {
  it('never runs an untrusted command, not even for the current context at start', async () => {
    const marker = path.join(os.tmpdir(), `pwned-${randomBytes(6).toString('hex')}`);
    const client = await setup(`touch ${marker}`);
    await core!.ready;

    let snapshot: ContextsSnapshot | undefined;
    client.subscribe(contract.watchContexts, undefined, { onEvent: (s) => (snapshot = s) });
    await until(() => snapshot !== undefined);
    const info = snapshot!.contexts[0];
    expect(info).toMatchObject({ name: 'evil', authKind: 'exec', execTrusted: false, execCommand: `sh -c 'touch ${marker}'`, current: true });

    const health = await client.call(contract.connectCluster, { context: 'evil' });
    expect(health.state).toBe('failed');
    expect(health.error).toMatchObject({ code: 'untrusted-exec', message: expect.stringContaining(`sh -c 'touch ${marker}'`) });

    const events: WatchEvent[] = [];
    client.subscribe(contract.watchObjects, { context: 'evil', ref: { group: '', version: 'v1', resource: 'pods' } }, { onEvent: (e) => events.push(e) });
    await until(() => events.some((e) => e.type === 'status' && e.status.state === 'failed'));
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { reason: 'untrusted-exec' } });

    // Trusting a different command line (e.g. what the user saw before an edit) is refused.
    await expect(client.call(contract.trustExecPlugin, { context: 'evil', command: 'sh -c true' })).rejects.toMatchObject({ code: 'conflict' });
    expect(server!.requests).toEqual([]);
    expect(fs.existsSync(marker)).toBe(false);

    await client.call(contract.trustExecPlugin, { context: 'evil', command: info.execCommand! });
    await until(() => fs.existsSync(marker));
    await until(() => snapshot!.contexts[0].execTrusted === true);
    fs.rmSync(marker, { force: true });
  });

  it('sends the plugin token, caches it, and runs the plugin again once after a 401', async () => {
    const counter = path.join(os.tmpdir(), `ph-count-${randomBytes(6).toString('hex')}`);
    const script = `n=$(cat ${counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > ${counter}; printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"tok-%s"}}' $n`;
    const client = await setup(script);
    server!.requireAuthorization = 'Bearer tok-2';
    await core!.ready;
    const snapshot = await new Promise<ContextsSnapshot>((resolve) => client.subscribe(contract.watchContexts, undefined, { onEvent: resolve }));
    await client.call(contract.trustExecPlugin, { context: 'evil', command: snapshot.contexts[0].execCommand! });
    const health = await client.call(contract.connectCluster, { context: 'evil' });
    expect(health).toMatchObject({ state: 'connected', version: 'v1.32.0-fake' });
    expect(server!.authorizations.slice(0, 2)).toEqual(['Bearer tok-1', 'Bearer tok-2']);
    await client.call(contract.discoverResources, { context: 'evil' }).catch(() => undefined);
    // The cached token is reused: the plugin ran twice in all.
    expect(fs.readFileSync(counter, 'utf8').trim()).toBe('2');
    fs.rmSync(counter, { force: true });
  });
});
