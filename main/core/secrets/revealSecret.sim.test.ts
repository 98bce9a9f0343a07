/**
 * Secrets through the real contract path (serveContract + memory ports + client, JSON
 * round-trips) against the simulator: watch streams and getObject carry no Secret value and no
 * last-applied content; revealSecret returns one decoded value, under the context's own RBAC.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSim } from '../../../sim/index';
import type { ContractClient } from '../../../app/contract/client';
import { contract } from '../../../app/contract/pilothouse';
import { HIDDEN_LAST_APPLIED, LAST_APPLIED_ANNOTATION } from '../../../app/kinds/secretRedaction';
import type { WatchEvent } from '../../../app/watch/types';
import { createCore, type Core } from '../index';
import { clientFor, until } from '../testing/contractClient';
import { lastListing } from '../testing/watchEvents';

type Sim = Awaited<ReturnType<typeof startSim>>;
let sim: Sim;
let core: Core;
let client: ContractClient;
let dir: string;

const secrets = { group: '', version: 'v1', resource: 'secrets' };
const PASSWORD = 'hunter2-correct-horse';
const TOKEN = 'tök€n-🔑';
const BINARY = Buffer.from([0xff, 0xfe, 0x00, 0x80]);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** A Secret as `kubectl apply` leaves it: its last-applied annotation holds the values in clear. */
function appliedSecret(namespace: string, name: string, values: Record<string, string>): Parameters<Sim['ctx']['api']['create']>[1] {
  const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace }, stringData: values });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, annotations: { [LAST_APPLIED_ANNOTATION]: lastApplied, owner: 'payments' } },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, b64(v)])),
  };
}

/** Every text that must never reach the renderer unasked. */
const LEAKS = [PASSWORD, b64(PASSWORD), TOKEN, b64(TOKEN), JSON.stringify(TOKEN).slice(1, -1), BINARY.toString('base64'), 'stringData'];

beforeAll(async () => {
  sim = await startSim({ scenario: 'empty', controllers: false });
  for (const name of ['shop', 'vault']) sim.ctx.api.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  sim.ctx.api.create('secrets', appliedSecret('shop', 'db', { password: PASSWORD, token: TOKEN }));
  sim.ctx.api.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'blob', namespace: 'shop' }, data: { 'key.bin': BINARY.toString('base64') } });
  sim.ctx.api.create('secrets', appliedSecret('vault', 'root', { password: PASSWORD }));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ph-secrets-'));
  core = createCore({ kubeconfigPaths: [sim.kubeconfigPath], settingsPath: path.join(dir, 'settings.json'), trustStorePath: path.join(dir, 'trust.json'), mode: 'web', version: '0.0.0', log: () => {} });
  client = clientFor(core.handlers);
});
afterAll(async () => {
  client?.close();
  await core?.dispose();
  await sim?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});


function expectNoLeak(payload: unknown) {
  const text = JSON.stringify(payload);
  for (const leak of LEAKS) expect(text).not.toContain(leak);
}

describe('Secrets leave the core redacted', () => {
  it('a list stream carries keys and sizes, no values and no last-applied content, also for live changes', async () => {
    const events: WatchEvent[] = [];
    const off = client.subscribe(contract.watchObjects, { context: 'sim-admin', ref: secrets }, { onEvent: (e) => events.push(e) });
    await until(() => events.some((e) => e.type === 'status' && e.status.state === 'live'));
    const snapshot = lastListing(events);
    if (!snapshot) throw new Error('no listing');
    const db = snapshot.items.find((o) => o.metadata.name === 'db')!;
    expect(db.kind).toBe('Secret');
    expect(db.data).toEqual({
      password: { $redacted: 'secret-value', bytes: Buffer.byteLength(PASSWORD) },
      token: { $redacted: 'secret-value', bytes: Buffer.byteLength(TOKEN) },
    });
    expect(db.metadata.annotations).toEqual({ [LAST_APPLIED_ANNOTATION]: HIDDEN_LAST_APPLIED, owner: 'payments' });
    expect(snapshot.items.find((o) => o.metadata.name === 'blob')!.data).toEqual({ 'key.bin': { $redacted: 'secret-value', bytes: 4 } });

    sim.ctx.api.create('secrets', appliedSecret('shop', 'late', { password: PASSWORD }));
    await until(() => events.some((e) => e.type === 'changes' && e.changes.some((c) => c.object.metadata.name === 'late')));
    expectNoLeak(events);
    off();
  });

  it('getObject of a Secret is redacted the same way', async () => {
    const got = await client.call(contract.getObject, { context: 'sim-admin', ref: secrets, namespace: 'shop', name: 'db' });
    expect(got.data).toMatchObject({ password: { $redacted: 'secret-value', bytes: Buffer.byteLength(PASSWORD) } });
    expect(got.metadata.annotations?.[LAST_APPLIED_ANNOTATION]).toBe(HIDDEN_LAST_APPLIED);
    expectNoLeak(got);
  });
});

describe('revealSecret', () => {
  it('returns one key, decoded, and only that key', async () => {
    const revealed = await client.call(contract.revealSecret, { context: 'sim-admin', namespace: 'shop', name: 'db', key: 'token' });
    expect(revealed).toEqual({ value: TOKEN, encoding: 'utf-8', bytes: Buffer.byteLength(TOKEN) });
    expect(JSON.stringify(revealed)).not.toContain(PASSWORD);
  });

  it('returns bytes that are not UTF-8 as base64, flagged', async () => {
    expect(await client.call(contract.revealSecret, { context: 'sim-admin', namespace: 'shop', name: 'blob', key: 'key.bin' })).toEqual({ value: BINARY.toString('base64'), encoding: 'base64', bytes: 4 });
  });

  it('uses the context’s own credentials: sim-viewer reads its namespace and gets 403 elsewhere', async () => {
    expect(await client.call(contract.revealSecret, { context: 'sim-viewer', namespace: 'shop', name: 'db', key: 'password' })).toMatchObject({ value: PASSWORD });
    await expect(client.call(contract.revealSecret, { context: 'sim-viewer', namespace: 'vault', name: 'root', key: 'password' })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      message: expect.stringContaining('secrets "root" is forbidden'),
    });
  });

  it('reports a missing Secret or key as not-found', async () => {
    await expect(client.call(contract.revealSecret, { context: 'sim-admin', namespace: 'shop', name: 'nope', key: 'password' })).rejects.toMatchObject({ code: 'not-found', status: 404 });
    await expect(client.call(contract.revealSecret, { context: 'sim-admin', namespace: 'shop', name: 'db', key: 'missing' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'Secret "db" in namespace "shop" has no key "missing"',
    });
    await expect(client.call(contract.revealSecret, { context: 'nowhere', namespace: 'shop', name: 'db', key: 'password' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('refuses malformed requests with a specific message', async () => {
    const bad = (req: unknown) => client.call(contract.revealSecret, req as never);
    await expect(bad({ context: 'sim-admin', name: 'db', key: 'password' })).rejects.toMatchObject({ code: 'bad-request', message: 'namespace is required: Secrets are namespaced' });
    await expect(bad({ context: 'sim-admin', namespace: 'shop', name: 'db', key: '../x' })).rejects.toMatchObject({ code: 'bad-request', message: 'key is not a valid Secret key: "../x"' });
    await expect(bad({ context: 'sim-admin', namespace: 'shop', name: 'db' })).rejects.toMatchObject({ code: 'bad-request', message: 'key must be a non-empty string' });
    await expect(bad({ context: 'sim-admin', namespace: 'Shop!', name: 'db', key: 'password' })).rejects.toMatchObject({ code: 'bad-request' });
  });
});
