/**
 * A cluster's proxy-url is checked before any agent is built: a value that is not a URL (or has
 * a scheme we cannot proxy through) is a `kubeconfig` error naming the context, the file and the
 * value, not a TypeError surfacing as `internal`.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractError } from '../../../app/contract/errors';
import { requestJson } from '../http/kubeHttp';
import { loadKubeconfigs } from '../kubeconfig/mergeKubeconfigs';
import { ClusterTransport } from './clusterTransport';
import { ExecTrustStore } from './execTrustStore';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pilothouse-proxy-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A transport for a real kubeconfig file on disk whose cluster has this proxy-url. */
async function transportWithProxy(proxyUrl: string) {
  const file = path.join(dir, `config-${Math.random().toString(36).slice(2)}`);
  await writeFile(
    file,
    [
      'apiVersion: v1',
      'clusters:',
      '- name: corp',
      '  cluster:',
      '    server: https://127.0.0.1:9',
      `    proxy-url: ${JSON.stringify(proxyUrl)}`,
      'users:',
      '- name: me',
      '  user:',
      '    token: abc',
      'contexts:',
      '- name: corp-admin',
      '  context:',
      '    cluster: corp',
      '    user: me',
      'current-context: corp-admin',
    ].join('\n'),
  );
  const merged = await loadKubeconfigs([{ path: file }]);
  expect(merged.problems).toEqual([]);
  return { file, transport: new ClusterTransport(merged.contexts[0], new ExecTrustStore(path.join(dir, 'trust.json'))) };
}

async function failure(p: Promise<unknown>): Promise<ContractError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContractError);
  return err as ContractError;
}

describe('proxy-url', () => {
  it('an unparseable proxy-url is a kubeconfig error naming the context, the file and the value', async () => {
    const { file, transport } = await transportWithProxy('foo');
    const err = await failure(transport.prepare());
    expect(err.code).toBe('kubeconfig');
    expect(err.message).toContain('context "corp-admin"');
    expect(err.message).toContain(file);
    expect(err.message).toContain('"foo"');
    expect(err.display).toEqual({ code: 'proxy-url-invalid', params: { context: 'corp-admin', cluster: 'corp', file, value: 'foo' } });
    // The same through a real request: no TypeError, no `internal`.
    const viaRequest = await failure(requestJson(transport, { path: '/version' }));
    expect(viaRequest.toJSON()).toMatchObject({ code: 'kubeconfig', display: { code: 'proxy-url-invalid' } });
  });

  it('a host:port without a scheme is not a URL either', async () => {
    const { transport } = await transportWithProxy('proxy.corp:3128');
    expect((await failure(transport.prepare())).display).toMatchObject({ code: 'proxy-url-invalid', params: { value: 'proxy.corp:3128' } });
  });

  it('never repeats a proxy password in the message', async () => {
    const { transport } = await transportWithProxy('bob:hunter2@proxy.corp:3128');
    const err = await failure(transport.prepare());
    expect(JSON.stringify(err.toJSON())).not.toContain('hunter2');
    expect(err.display).toMatchObject({ code: 'proxy-url-invalid', params: { value: 'bob:***@proxy.corp:3128' } });
  });

  it('an unsupported scheme names the scheme', async () => {
    const { transport } = await transportWithProxy('ftp://proxy.corp:21');
    const err = await failure(transport.prepare());
    expect(err.code).toBe('kubeconfig');
    expect(err.display).toMatchObject({ code: 'proxy-url-scheme', params: { context: 'corp-admin', scheme: 'ftp:' } });
  });

  it('http, https and socks proxies are accepted', async () => {
    for (const proxy of ['http://proxy.corp:3128', 'https://proxy.corp:3129', 'socks5://proxy.corp:1080', 'socks5h://u:p@proxy.corp:1080']) {
      const { transport } = await transportWithProxy(proxy);
      const prepared = await transport.prepare();
      expect(prepared.agent).toBeDefined();
      transport.dispose();
    }
  });
});
