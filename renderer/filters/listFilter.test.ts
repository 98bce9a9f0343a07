import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../app/kube/object';
import { filterObjects, planList, resolveSelector } from './listFilter';

const pods = { group: '', version: 'v1', resource: 'pods' };
const pod = (name: string, namespace: string, labels: Record<string, string> = {}): KubeObject => ({
  metadata: { name, namespace, uid: `${namespace}/${name}`, labels },
});
const items = [
  pod('web-1', 'default', { app: 'web', tier: 'frontend' }),
  pod('web-2', 'default', { app: 'web', tier: 'frontend', canary: 'true' }),
  pod('api-1', 'prod', { app: 'api', tier: 'backend' }),
  pod('cache-1', 'prod', { app: 'redis', tier: 'cache' }),
  pod('job-1', 'batch', {}),
];
const names = (objs: KubeObject[]) => objs.map((o) => o.metadata.name);

describe('resolveSelector', () => {
  it('applies a valid selector in canonical form', () => {
    const s = resolveSelector(' app in (web, api) , !canary ', '');
    expect(s.error).toBeUndefined();
    expect(s.appliedText).toBe(s.appliedText.trim());
    expect(names(filterObjects(items, planList('c', pods, true, { namespaces: [], selector: '', query: '' }, s)))).toEqual(['web-1', 'api-1']);
  });

  it('keeps the last valid selector and reports the position of the error', () => {
    const s = resolveSelector('app in (web', 'tier=cache');
    expect(s.error?.position).toBeGreaterThan(0);
    expect(s.appliedText).toBe('tier=cache');
    expect(names(filterObjects(items, planList('c', pods, true, { namespaces: [], selector: '', query: '' }, s)))).toEqual(['cache-1']);
  });

  it('applies nothing for empty text or an invalid first selector', () => {
    expect(resolveSelector('', 'app=web')).toEqual({ applied: undefined, appliedText: '' });
    const s = resolveSelector('=x', '');
    expect(s.applied).toBeUndefined();
    expect(s.error).toBeDefined();
  });
});

describe('planList', () => {
  const none = resolveSelector('', '');

  it('sends one namespace and the selector to the server', () => {
    const plan = planList('ctx', pods, true, { namespaces: ['prod'], selector: 'tier notin (cache)', query: '' }, resolveSelector('tier notin (cache)', ''));
    expect(plan.watch).toEqual({ context: 'ctx', ref: pods, namespace: 'prod', labelSelector: 'tier notin (cache)' });
    expect(names(filterObjects(items, plan))).toEqual(['api-1']);
  });

  it('watches all namespaces and filters client-side when several are selected', () => {
    const plan = planList('ctx', pods, true, { namespaces: ['default', 'batch'], selector: '', query: '' }, none);
    expect(plan.watch.namespace).toBeUndefined();
    expect(names(filterObjects(items, plan))).toEqual(['web-1', 'web-2', 'job-1']);
  });

  it('ignores namespaces for cluster-scoped kinds', () => {
    const plan = planList('ctx', { group: '', version: 'v1', resource: 'nodes' }, false, { namespaces: ['default'], selector: '', query: '' }, none);
    expect(plan.watch.namespace).toBeUndefined();
    expect(plan.namespaces).toBeUndefined();
  });

  it('searches name, namespace and labels, case-insensitively', () => {
    const plan = (query: string) => planList('ctx', pods, true, { namespaces: [], selector: '', query }, none);
    expect(names(filterObjects(items, plan('WEB-')))).toEqual(['web-1', 'web-2']);
    expect(names(filterObjects(items, plan('batch')))).toEqual(['job-1']);
    expect(names(filterObjects(items, plan('tier=back')))).toEqual(['api-1']);
  });

  it('combines namespace, selector and text (AND)', () => {
    const plan = planList('ctx', pods, true, { namespaces: ['default', 'prod'], selector: 'tier', query: '1' }, resolveSelector('tier', ''));
    expect(names(filterObjects(items, plan))).toEqual(['web-1', 'api-1', 'cache-1']);
  });
});
