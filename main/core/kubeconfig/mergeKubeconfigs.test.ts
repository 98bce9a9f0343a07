import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultKubeconfigPaths, loadKubeconfigs } from './mergeKubeconfigs';
import { parseKubeconfig } from './parseKubeconfig';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ph-kc-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const kc = (o: { clusters?: string[]; users?: string[]; contexts?: [string, string, string?][]; current?: string }) =>
  [
    'apiVersion: v1',
    'kind: Config',
    o.current ? `current-context: ${o.current}` : '',
    'clusters:',
    ...(o.clusters ?? []).map((c) => `- name: ${c}\n  cluster:\n    server: https://${c}.example:6443\n    certificate-authority: ca/${c}.crt`),
    'users:',
    ...(o.users ?? []).map((u) => `- name: ${u}\n  user:\n    token: secret-${u}`),
    'contexts:',
    ...(o.contexts ?? []).map(([n, c, u]) => `- name: ${n}\n  context:\n    cluster: ${c}\n    user: ${u ?? 'u1'}`),
  ].join('\n');

describe('kubeconfig merge (kubectl rules)', () => {
  it('first file wins for duplicate names; current-context from the first file that sets it; sources tracked', async () => {
    const a = path.join(dir, 'a.yaml');
    const b = path.join(dir, 'b.yaml');
    await fs.writeFile(a, kc({ clusters: ['c1'], users: ['u1'], contexts: [['dup', 'c1']] }));
    await fs.writeFile(b, kc({ clusters: ['c1', 'c2'], users: ['u1'], contexts: [['dup', 'c2'], ['only-b', 'c2']], current: 'only-b' }));
    const merged = await loadKubeconfigs([{ path: a }, { path: b }]);
    expect(merged.problems).toEqual([]);
    expect(merged.currentContext).toBe('only-b');
    const dup = merged.contexts.find((c) => c.name === 'dup')!;
    expect(dup.context.sourceFile).toBe(a);
    expect(dup.cluster?.server).toBe('https://c1.example:6443');
    expect(dup.cluster?.caFile).toBe(path.join(dir, 'ca/c1.crt')); // relative to its own file
    expect(merged.contexts.find((c) => c.name === 'only-b')!.context.sourceFile).toBe(b);
  });

  it('reports a malformed file with its name and YAML line, and still loads the other files', async () => {
    const good = path.join(dir, 'good');
    const bad = path.join(dir, 'bad');
    await fs.writeFile(good, kc({ clusters: ['c1'], users: ['u1'], contexts: [['ok', 'c1']] }));
    await fs.writeFile(bad, 'apiVersion: v1\nclusters:\n- name: x\n  cluster: {server: [unclosed\n');
    const merged = await loadKubeconfigs([{ path: bad }, { path: good }]);
    expect(merged.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(merged.problems).toHaveLength(1);
    expect(merged.problems[0].file).toBe(bad);
    expect(merged.problems[0].message).toMatch(/Invalid YAML at line \d+/);
    expect(merged.problems[0]).toMatchObject({ display: { code: 'kubeconfig-yaml', params: { line: expect.any(Number) } }, detail: expect.any(String) });
  });

  it('skips a broken entry with a message naming it and its line', () => {
    const text = kc({ clusters: ['c1'], users: ['u1'], contexts: [['ok', 'c1']] }) + '\n- name: broken\n  context:\n    user: u1\n';
    const parsed = parseKubeconfig('/k', text);
    expect(parsed.contexts.map((c) => c.name)).toEqual(['ok']);
    expect(parsed.problems[0].message).toMatch(/contexts\[1\] "broken": context.cluster is missing \(line \d+\)/);
    expect(parsed.problems[0].display).toEqual({ code: 'kubeconfig-field-missing', params: { field: 'context.cluster', entry: 'contexts[1] "broken"', line: expect.any(Number) } });
    expect(parseKubeconfig('/k', '- just\n- a list\n').problems[0].message).toMatch(/top level must be a mapping/);
    expect(parseKubeconfig('/k', '').problems).toEqual([]);
  });

  it('refuses YAML alias bombs instead of expanding them', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'].join('\n');
    expect(parseKubeconfig('/k', bomb).problems[0].message).toMatch(/alias/i);
  });

  it('ignores missing files (as kubectl does) and names a context whose cluster is undefined', async () => {
    const a = path.join(dir, 'a');
    await fs.writeFile(a, kc({ users: ['u1'], contexts: [['orphan', 'nowhere']] }));
    const merged = await loadKubeconfigs([{ path: path.join(dir, 'missing') }, { path: a }]);
    expect(merged.contexts[0].problem?.message).toMatch(/cluster "nowhere", which no kubeconfig file defines/);
    expect(merged.contexts[0].problem?.display).toEqual({ code: 'context-missing-cluster', params: { context: 'orphan', cluster: 'nowhere' } });
    expect(merged.problems.map((p) => p.file)).toEqual([a]);
  });

  it('reads $KUBECONFIG split by the path delimiter, else ~/.kube/config', () => {
    expect(defaultKubeconfigPaths({ KUBECONFIG: `/a${path.delimiter}/b${path.delimiter}/a` })).toEqual(['/a', '/b']);
    expect(defaultKubeconfigPaths({})).toEqual([path.join(os.homedir(), '.kube', 'config')]);
  });
});
