import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { bindingsOfRole, bindingsOfServiceAccount, podsUsingServiceAccount, roleOfBinding, scaleTargetOf, subjectsOfBinding } from './accessRelations';
import { objectsFromYaml, pick, rolloutOf } from './testManifests';
import esRbac from '../testdata/manifests/elasticsearch/rbac.yaml?raw';
import esSa from '../testdata/manifests/elasticsearch/service-account.yaml?raw';
import reconciler from '../testdata/manifests/podinfo/reconciler-rbac.yaml?raw';
import ksmRole from '../testdata/manifests/kube-prometheus/kubeStateMetrics-clusterRole.yaml?raw';
import ksmBinding from '../testdata/manifests/kube-prometheus/kubeStateMetrics-clusterRoleBinding.yaml?raw';
import ksmDeployment from '../testdata/manifests/kube-prometheus/kubeStateMetrics-deployment.yaml?raw';
import phpApache from '../testdata/manifests/k8s-website/php-apache.yaml?raw';
import phpHpa from '../testdata/manifests/k8s-website/php-apache-hpa.yaml?raw';
import podinfoHpa from '../testdata/manifests/podinfo/frontend-hpa.yaml?raw';
import podinfoFrontend from '../testdata/manifests/podinfo/frontend-deployment.yaml?raw';

describe('RBAC relations with real manifests', () => {
  const es = objectsFromYaml(esRbac);
  const rec = objectsFromYaml(reconciler);
  const ksm = [...objectsFromYaml(ksmRole), ...objectsFromYaml(ksmBinding)];
  const roles = [...es, ...rec, ...ksm].filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole');
  const bindings = [...es, ...rec, ...ksm].filter((o) => o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding');

  it('Role ↔ RoleBinding within the namespace', () => {
    const esRole = pick(es, 'Role', 'elasticsearch');
    const esBinding = pick(es, 'RoleBinding', 'elasticsearch');
    expect(bindingsOfRole(esRole, bindings)).toEqual([esBinding]);
    expect(roleOfBinding(esBinding, roles)).toBe(esRole);
    const recRole = pick(rec, 'Role', 'reconciler');
    expect(bindingsOfRole(recRole, bindings)).toEqual([pick(rec, 'RoleBinding', 'reconciler')]);
    // The same Role name in another namespace is another Role.
    const lookalike = { ...esRole, metadata: { ...esRole.metadata, namespace: 'other', uid: 'x' } };
    expect(bindingsOfRole(lookalike, bindings)).toEqual([]);
    expect(roleOfBinding({ ...esBinding, metadata: { ...esBinding.metadata, namespace: 'other' } }, roles)).toBeUndefined();
  });

  it('ClusterRole ↔ ClusterRoleBinding and RoleBindings in any namespace', () => {
    const cr = pick(ksm, 'ClusterRole', 'kube-state-metrics');
    const crb = pick(ksm, 'ClusterRoleBinding', 'kube-state-metrics');
    const nsBinding: KubeObject = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'ksm-read', namespace: 'team-a', uid: 'rb' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'kube-state-metrics' },
      subjects: [{ kind: 'ServiceAccount', name: 'reader' }],
    };
    expect(bindingsOfRole(cr, [...bindings, nsBinding])).toEqual([crb, nsBinding]);
    expect(roleOfBinding(nsBinding, roles)).toBe(cr);
    expect(subjectsOfBinding(nsBinding)).toEqual([{ kind: 'ServiceAccount', name: 'reader', namespace: 'team-a' }]);
  });

  it('ServiceAccount → bindings and pods running as it', () => {
    const sa = objectsFromYaml(esSa)[0];
    expect(bindingsOfServiceAccount(sa, bindings)).toEqual([pick(es, 'RoleBinding', 'elasticsearch')]);
    const ksmSa: KubeObject = { kind: 'ServiceAccount', metadata: { name: 'kube-state-metrics', namespace: 'monitoring', uid: 'sa' } };
    expect(bindingsOfServiceAccount(ksmSa, bindings)).toEqual([pick(ksm, 'ClusterRoleBinding')]);
    const deployment = objectsFromYaml(ksmDeployment, 'monitoring')[0];
    const pods = rolloutOf(deployment, 2).pods;
    const defaultPod: KubeObject = { kind: 'Pod', metadata: { name: 'plain', namespace: 'monitoring', uid: 'p' }, spec: {} };
    expect(podsUsingServiceAccount(ksmSa, [...pods, defaultPod])).toEqual(pods);
    const defaultSa: KubeObject = { kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'monitoring', uid: 'd' } };
    expect(podsUsingServiceAccount(defaultSa, [...pods, defaultPod])).toEqual([defaultPod]);
  });
});

describe('HPA → scale target', () => {
  it('finds the Deployment an HPA scales (php-apache, podinfo frontend)', () => {
    const php = objectsFromYaml(phpApache).find((o) => o.kind === 'Deployment')!;
    const phpSvc = objectsFromYaml(phpApache).find((o) => o.kind === 'Service')!;
    const frontend = objectsFromYaml(podinfoFrontend)[0];
    expect(scaleTargetOf(objectsFromYaml(phpHpa)[0], [phpSvc, frontend, php])).toBe(php);
    expect(scaleTargetOf(objectsFromYaml(podinfoHpa)[0], [php, frontend])).toBe(frontend);
  });

  it('requires the same namespace and API group', () => {
    const hpa = objectsFromYaml(phpHpa)[0];
    const php = objectsFromYaml(phpApache).find((o) => o.kind === 'Deployment')!;
    expect(scaleTargetOf(hpa, [{ ...php, metadata: { ...php.metadata, namespace: 'other' } }])).toBeUndefined();
    expect(scaleTargetOf(hpa, [{ ...php, apiVersion: 'example.com/v1' }])).toBeUndefined();
  });
});
