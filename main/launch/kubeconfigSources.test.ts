import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kubectlKubeconfigPaths, planKubeconfigs } from './kubeconfigSources';

const base = { homedir: '/home/ada', delimiter: ':' };

describe('kubeconfig sources (as kubectl)', () => {
  it('reads ~/.kube/config when KUBECONFIG is unset or empty', () => {
    expect(kubectlKubeconfigPaths({ ...base, env: {} })).toEqual({ paths: ['/home/ada/.kube/config'], source: 'default' });
    expect(kubectlKubeconfigPaths({ ...base, env: { KUBECONFIG: '' } }).source).toBe('default');
    expect(kubectlKubeconfigPaths({ ...base, env: { KUBECONFIG: ':: ' } }).source).toBe('default');
  });

  it('reads every KUBECONFIG entry in order, skipping empty and repeated ones', () => {
    const r = kubectlKubeconfigPaths({ ...base, env: { KUBECONFIG: '/a/one::/b/two:/a/one' } });
    expect(r).toEqual({ paths: ['/a/one', '/b/two'], source: 'KUBECONFIG' });
  });

  it('resolves relative entries against the working directory, as kubectl does', () => {
    expect(kubectlKubeconfigPaths({ ...base, env: { KUBECONFIG: 'rel/config' } }).paths).toEqual([path.resolve('rel/config')]);
  });
});

describe('planKubeconfigs', () => {
  it('starts the demo cluster when no listed file exists, and still hands the paths to the core (it watches them)', () => {
    const plan = planKubeconfigs({ ...base, env: { KUBECONFIG: '/x:/y' }, exists: () => false });
    expect(plan).toEqual({ kubeconfigPaths: ['/x', '/y'], source: 'KUBECONFIG', demo: true });
  });

  it('does not start the demo cluster when any file exists', () => {
    const plan = planKubeconfigs({ ...base, env: { KUBECONFIG: '/x:/y' }, exists: (f) => f === '/y' });
    expect(plan.demo).toBe(false);
  });

  it('--demo opens only the demo cluster', () => {
    const plan = planKubeconfigs({ ...base, env: { KUBECONFIG: '/x' }, exists: () => true }, { demo: true });
    expect(plan).toEqual({ kubeconfigPaths: [], source: 'demo-only', demo: true });
  });
});
