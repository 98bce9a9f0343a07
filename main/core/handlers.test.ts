/**
 * Every channel through the real contract path (serveContract + memory ports + client, which
 * round-trips JSON like a real transport) against the simulator.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../sim/index';
import type { ContractClient } from '../../app/contract/client';
import type { ContractErrorData } from '../../app/contract/errors';
import { contract, type ClusterHealth, type ContextsSnapshot, type StateCounts } from '../../app/contract/pilothouse';
import type { WatchEvent } from '../../app/watch/types';
import { createCore, type Core } from './index';
import { clientFor, until } from './testing/contractClient';
import { lastListing } from './testing/watchEvents';

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
let core: Core;
let client: ContractClient;
let dir: string;

beforeAll(async () => {
  sim = await startSim({ controllers: false });
  sim.ctx.api.create('customresourcedefinitions.apiextensions.k8s.io', {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } }, additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }] }],
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-handlers-'));
  core = createCore({ kubeconfigPaths: [sim.kubeconfigPath], settingsPath: path.join(dir, 'settings.json'), trustStorePath: path.join(dir, 'trust.json'), mode: 'web', version: '9.9.9', log: () => {} });
  client = clientFor(core.handlers);
});
afterAll(async () => {
  client?.close();
  await core?.dispose();
  await sim?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pods = { group: '', version: 'v1', resource: 'pods' };

describe('contract handlers against the simulator', () => {
  it('answers appInfo and keeps settings in a validated file', async () => {
    expect(await client.call(contract.appInfo, undefined)).toEqual({ version: '9.9.9', mode: 'web', platform: process.platform });
    expect(await client.call(contract.updateSettings, { language: 'pt-BR' })).toMatchObject({ language: 'pt-BR' });
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'pt-BR' });
    await expect(client.call(contract.updateSettings, { language: '<script>' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(client.call(contract.updateSettings, { evil: 1 } as never)).rejects.toMatchObject({ code: 'bad-request', message: 'Unknown setting "evil"' });
    expect(await client.call(contract.getSettings, undefined)).toMatchObject({ language: 'pt-BR' });
  });

  it('lists contexts without credentials and connects the current one at start', async () => {
    const snapshot = await new Promise<ContextsSnapshot>((resolve) => client.subscribe(contract.watchContexts, undefined, { onEvent: resolve }));
    expect(snapshot.contexts.map((c) => [c.name, c.current, c.authKind, c.server])).toEqual([
      ['sim-admin', true, 'token', sim.url],
      ['sim-viewer', false, 'token', sim.url],
    ]);
    const text = JSON.stringify(snapshot);
    expect(text).not.toContain(sim.tokens.admin);
    expect(text).not.toContain('BEGIN CERTIFICATE');

    let health: ClusterHealth[] = [];
    client.subscribe(contract.watchClusterHealth, undefined, { onEvent: (h) => (health = h) });
    await until(() => health.some((h) => h.context === 'sim-admin' && h.state === 'connected'));
    expect(health.find((h) => h.context === 'sim-admin')?.version).toMatch(/^v1\.32\./);
  });

  it('connects another cluster and reports per-cluster stream health', async () => {
    const h = await client.call(contract.connectCluster, { context: 'sim-viewer' });
    expect(h).toMatchObject({ context: 'sim-viewer', state: 'connected', streams: { total: 0 } });
    let health: ClusterHealth[] = [];
    client.subscribe(contract.watchClusterHealth, undefined, { onEvent: (x) => (health = x) });
    const events: WatchEvent[] = [];
    const off = client.subscribe(contract.watchObjects, { context: 'sim-viewer', ref: pods }, { onEvent: (e) => events.push(e) });
    await until(() => events.some((e) => e.type === 'status' && e.status.state === 'failed'));
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { reason: 'forbidden', message: expect.stringContaining('forbidden') } });
    await until(() => health.find((x) => x.context === 'sim-viewer')?.streams.failed === 1);
    off();
  });

  it('discovers built-in and custom resources with CRD printer columns, without subresources', async () => {
    const resources = await client.call(contract.discoverResources, { context: 'sim-admin' });
    expect(resources.find((r) => r.resource === 'pods')).toMatchObject({ group: '', version: 'v1', kind: 'Pod', namespaced: true, verbs: expect.arrayContaining(['watch']) });
    expect(resources.find((r) => r.resource === 'deployments')).toMatchObject({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(resources.some((r) => r.resource.includes('/'))).toBe(false);
    expect(resources.find((r) => r.resource === 'widgets')).toMatchObject({ group: 'example.com', custom: true, printerColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }] });
  });

  it('streams the listing in pages, synced, then coalesced changes, and gets single objects without managedFields', async () => {
    const events: WatchEvent[] = [];
    const off = client.subscribe(contract.watchObjects, { context: 'sim-admin', ref: pods, namespace: 'default', labelSelector: 'app in (web)' }, { onEvent: (e) => events.push(e) });
    await until(() => events.some((e) => e.type === 'status' && e.status.state === 'live'));
    expect(events[0]).toMatchObject({ type: 'status', status: { state: 'connecting' } });
    expect(lastListing(events)).toMatchObject({ items: [], pages: 1, resourceVersion: expect.any(String) });
    sim.ctx.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    sim.ctx.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db-1', namespace: 'default', labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'pg' }] } });
    await until(() => events.some((e) => e.type === 'changes'));
    const changes = events.filter((e) => e.type === 'changes').flatMap((e) => (e.type === 'changes' ? e.changes : []));
    expect(changes.map((c) => `${c.type} ${c.object.metadata.name}`)).toEqual(['ADDED web-1']);
    expect(changes[0].object.metadata.managedFields).toBeUndefined();
    off();

    const got = await client.call(contract.getObject, { context: 'sim-admin', ref: pods, namespace: 'default', name: 'web-1' });
    expect(got).toMatchObject({ kind: 'Pod', metadata: { name: 'web-1', labels: { app: 'web' } } });
    expect(got.metadata.managedFields).toBeUndefined();
    await expect(client.call(contract.getObject, { context: 'sim-admin', ref: pods, namespace: 'default', name: 'nope' })).rejects.toMatchObject({ code: 'not-found', status: 404, message: expect.stringContaining('"nope" not found') });
  });

  it('counts pods by status in main, as the Overview shows them, and keeps the counts live', async () => {
    sim.ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'counted' } });
    const mk = (name: string) => sim.ctx.api.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'counted' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    mk('one');
    mk('two');
    const seen: StateCounts[] = [];
    const off = client.subscribe(contract.watchStateCounts, { context: 'sim-admin', ref: pods, namespace: 'counted' }, { onEvent: (c) => seen.push(c) });
    await until(() => seen.at(-1)?.synced === true && seen.at(-1)?.total === 2);
    // Without controllers the pods stay as created: no phase yet, which kubectl prints as Pending.
    expect(seen.at(-1)).toMatchObject({ counts: [['Pending', 2]], total: 2, synced: true });
    const two = sim.ctx.api.get('pods', 'counted', 'two')!;
    sim.ctx.api.update('pods', { ...two, status: { phase: 'Running', containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: {} } }] } }, { subresource: 'status' });
    sim.ctx.api.delete('pods', 'counted', 'one', { gracePeriodSeconds: 0 });
    mk('three');
    await until(() => JSON.stringify(seen.at(-1)?.counts) === JSON.stringify([['Pending', 1], ['Running', 1]]));
    expect(seen.at(-1)?.total).toBe(2);
    // Only pods and nodes have states to count.
    let ended: ContractErrorData | undefined;
    client.subscribe(contract.watchStateCounts, { context: 'sim-admin', ref: { group: '', version: 'v1', resource: 'secrets' } }, { onEvent: () => {}, onEnd: (e) => (ended = e) });
    await until(() => ended !== undefined);
    expect(ended).toMatchObject({ code: 'bad-request' });
    off();
  });

  it('rejects malformed requests and unknown contexts with clear errors', async () => {
    await expect(client.call(contract.connectCluster, { context: 'no-such' })).rejects.toMatchObject({ code: 'not-found', message: 'No context named "no-such" in the kubeconfig' });
    await expect(client.call(contract.connectCluster, {} as never)).rejects.toMatchObject({ code: 'bad-request', message: 'context must be a non-empty string' });
    await expect(client.call(contract.getObject, { context: 'sim-admin', ref: { group: '', version: 'v1', resource: 'pods' }, namespace: '../..', name: 'x' })).rejects.toMatchObject({ code: 'bad-request' });
    await expect(client.call(contract.getObject, { context: 'sim-admin', ref: { group: '', version: 'v1/../../x', resource: 'pods' }, name: 'x' })).rejects.toMatchObject({ code: 'bad-request' });
    const ended = await new Promise<ContractErrorData | undefined>((resolve) =>
      client.subscribe(contract.watchObjects, { context: 'sim-admin', ref: null } as never, { onEvent: () => {}, onEnd: resolve }),
    );
    expect(ended).toMatchObject({ code: 'bad-request', message: 'ref must be an object' });
  });

  it('ends open streams when their cluster is disconnected', async () => {
    let ended: ContractErrorData | undefined;
    let events = 0;
    client.subscribe(contract.watchObjects, { context: 'sim-viewer', ref: pods, namespace: 'shop' }, { onEvent: () => events++, onEnd: (e) => (ended = e) });
    // The first event (its status) proves the stream is open on the core before we disconnect.
    await until(() => events > 0);
    await client.call(contract.disconnectCluster, { context: 'sim-viewer' });
    await until(() => ended !== undefined);
    expect(ended).toMatchObject({ code: 'cancelled', message: 'Cluster "sim-viewer" was disconnected' });
    // Open contexts are remembered for the next start.
    await until(() => JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8')).openContexts) === '["sim-admin"]');
  });
});
