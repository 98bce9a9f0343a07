/**
 * Kubeconfig files edited on disk apply without restart: through createCore and the real
 * contract path, against a tiny local API server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContractErrorData } from '../../../app/contract/errors';
import { contract, type ContextsSnapshot } from '../../../app/contract/pilothouse';
import { applyWatchEvents, emptyListState, listItems } from '../../../app/watch/reducer';
import type { WatchEvent } from '../../../app/watch/types';
import { createCore, type Core } from '../index';
import { startFakeApiServer, type FakeApiServer } from '../testing/fakeApiServer';
import { clientFor, until } from '../testing/contractClient';
import { listingCount } from '../testing/watchEvents';

let core: Core | undefined;
let servers: FakeApiServer[] = [];
let dir: string;
afterEach(async () => {
  await core?.dispose();
  for (const s of servers) await s.close();
  servers = [];
  fs.rmSync(dir, { recursive: true, force: true });
});

const config = (contexts: { name: string; server: string; token?: string }[], current?: string) =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Config',
    ...(current ? { 'current-context': current } : {}),
    clusters: contexts.map((c) => ({ name: `cl-${c.name}`, cluster: { server: c.server } })),
    users: contexts.map((c) => ({ name: `u-${c.name}`, user: { token: c.token ?? 'secret-token' } })),
    contexts: contexts.map((c) => ({ name: c.name, context: { cluster: `cl-${c.name}`, user: `u-${c.name}` } })),
  });


async function setup(files: string[]) {
  core = createCore({
    kubeconfigPaths: files,
    settingsPath: path.join(dir, 'settings.json'),
    trustStorePath: path.join(dir, 'trust.json'),
    mode: 'web',
    version: 'test',
    log: () => {},
    tuning: { kubeconfigDebounceMs: 50, kubeconfigPollMs: 200 },
  });
  const client = clientFor(core.handlers);
  const snapshots: ContextsSnapshot[] = [];
  client.subscribe(contract.watchContexts, undefined, { onEvent: (s) => snapshots.push(s) });
  await until(() => snapshots.length > 0);
  return { client, snapshots, last: () => snapshots.at(-1)! };
}

describe('kubeconfig files watched on disk', () => {
  it('applies edits, atomic renames, added and removed contexts; reconnects or disconnects clusters', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-watch-'));
    const a = await startFakeApiServer();
    const b = await startFakeApiServer();
    servers.push(a, b);
    a.add('pod-on-a');
    b.add('pod-on-b');
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, config([{ name: 'one', server: a.url }], 'one'));
    const { client, last } = await setup([file]);
    expect(last().contexts.map((c) => [c.name, c.current, c.sourceFile, c.authKind])).toEqual([['one', true, file, 'token']]);
    // Nothing secret crosses the boundary.
    expect(JSON.stringify(last())).not.toContain('secret-token');

    const events: WatchEvent[] = [];
    let ended: ContractErrorData | undefined | 'none';
    client.subscribe(contract.watchObjects, { context: 'one', ref: { group: '', version: 'v1', resource: 'pods' } }, { onEvent: (e) => events.push(e), onEnd: (e) => (ended = e ?? 'none') });
    // What the renderer would show: every event folded by the real reducer.
    const names = () => listItems(applyWatchEvents(emptyListState(), events)).map((o) => o.metadata.name);
    await until(() => names().length === 1);
    expect(names()).toEqual(['pod-on-a']);

    // An editor that writes a temp file and renames it over the original; the context now points at b.
    fs.writeFileSync(`${file}.tmp`, config([{ name: 'one', server: b.url }, { name: 'two', server: a.url }], 'one'));
    fs.renameSync(`${file}.tmp`, file);
    await until(() => last().contexts.length === 2);
    expect(last().contexts.find((c) => c.name === 'one')?.server).toBe(b.url);
    // The connected context changed: its informer relists against the new server and sends the differences.
    await until(() => names().join() === 'pod-on-b');
    expect(listingCount(events)).toBe(1);

    // Removing the context disconnects it and ends its streams.
    fs.writeFileSync(file, config([{ name: 'two', server: a.url }]));
    await until(() => last().contexts.length === 1);
    await until(() => ended !== undefined);
    expect(ended).toMatchObject({ code: 'not-found', message: expect.stringContaining('"one" was removed') });
    const health = await new Promise((resolve) => client.subscribe(contract.watchClusterHealth, undefined, { onEvent: resolve }));
    expect(health).toEqual([]);
  });

  it('reports a malformed file without losing the others, and loads a file that appears later', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-watch-'));
    const a = await startFakeApiServer();
    servers.push(a);
    const good = path.join(dir, 'good');
    const later = path.join(dir, 'later', 'config'); // its directory does not exist yet
    fs.writeFileSync(good, config([{ name: 'good', server: a.url }]));
    const { last } = await setup([good, later]);
    expect(last().problems).toEqual([]);

    fs.writeFileSync(good, 'clusters: [oops\n');
    await until(() => last().problems.length === 1);
    expect(last().problems[0]).toMatchObject({ file: good, message: expect.stringMatching(/Invalid YAML at line/) });
    expect(last().contexts).toEqual([]);

    fs.mkdirSync(path.dirname(later));
    fs.writeFileSync(later, config([{ name: 'appeared', server: a.url }]));
    await until(() => last().contexts.some((c) => c.name === 'appeared'));
    expect(last().contexts.find((c) => c.name === 'appeared')?.sourceFile).toBe(later);
  });

  it('merges the demo kubeconfig after the user files and flags its contexts', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-watch-'));
    const a = await startFakeApiServer();
    servers.push(a);
    const demo = path.join(dir, 'demo');
    fs.writeFileSync(demo, config([{ name: 'demo', server: a.url }], 'demo'));
    core = createCore({
      kubeconfigPaths: [path.join(dir, 'no-such-config')],
      extraKubeconfigs: [{ path: demo, demo: true }],
      settingsPath: path.join(dir, 'settings.json'),
      trustStorePath: path.join(dir, 'trust.json'),
      mode: 'web',
      version: 'test',
      log: () => {},
    });
    const client = clientFor(core.handlers);
    const snap = await new Promise<ContextsSnapshot>((resolve) => client.subscribe(contract.watchContexts, undefined, { onEvent: resolve }));
    expect(snap.contexts).toEqual([expect.objectContaining({ name: 'demo', demo: true, current: true })]);
    expect(snap.problems).toEqual([]);
  });
});
