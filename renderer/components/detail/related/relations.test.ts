import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../../app/kube/object';
import { isOwnedBy, podReferences, podsReferencing, podsSelectedByService } from './relations';

const pod = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}, ns = 'default'): KubeObject => ({
  metadata: { name, namespace: ns, uid: name, labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'rs-uid', controller: true }] },
  spec,
});

const web = pod(
  'web',
  {
    volumes: [
      { name: 'data', persistentVolumeClaim: { claimName: 'data-pvc' } },
      { name: 'cfg', configMap: { name: 'web-config' } },
      { name: 'tls', secret: { secretName: 'web-tls' } },
      { name: 'proj', projected: { sources: [{ configMap: { name: 'proj-cm' } }, { secret: { name: 'proj-secret' } }] } },
    ],
    containers: [{ env: [{ valueFrom: { secretKeyRef: { name: 'db-pass' } } }], envFrom: [{ configMapRef: { name: 'env-cm' } }] }],
    initContainers: [{ envFrom: [{ secretRef: { name: 'init-secret' } }] }],
    imagePullSecrets: [{ name: 'regcred' }],
  },
  { app: 'web', tier: 'frontend' },
);
const other = pod('other', { containers: [{}] }, { app: 'api' });
const elsewhere = pod('elsewhere', { volumes: [{ configMap: { name: 'web-config' } }] }, { app: 'web' }, 'prod');

describe('relations', () => {
  it('collects every PVC, ConfigMap and Secret a pod uses', () => {
    const r = podReferences(web);
    expect([...r.persistentVolumeClaims]).toEqual(['data-pvc']);
    expect([...r.configMaps].sort()).toEqual(['env-cm', 'proj-cm', 'web-config']);
    expect([...r.secrets].sort()).toEqual(['db-pass', 'init-secret', 'proj-secret', 'regcred', 'web-tls']);
  });

  it('finds pods referencing an object in the same namespace only', () => {
    expect(podsReferencing('ConfigMap', 'web-config', 'default', [web, other, elsewhere]).map((p) => p.metadata.name)).toEqual(['web']);
    expect(podsReferencing('PersistentVolumeClaim', 'data-pvc', 'default', [web, other])).toHaveLength(1);
    expect(podsReferencing('Secret', 'nope', 'default', [web, other])).toHaveLength(0);
  });

  it('selects pods by a service selector, and none without selector', () => {
    const svc = (selector?: Record<string, string>): KubeObject => ({ metadata: { name: 's', namespace: 'default', uid: 's' }, spec: { selector } });
    expect(podsSelectedByService(svc({ app: 'web' }), [web, other, elsewhere]).map((p) => p.metadata.name)).toEqual(['web']);
    expect(podsSelectedByService(svc(undefined), [web, other])).toEqual([]);
    expect(podsSelectedByService(svc({}), [web, other])).toEqual([]);
  });

  it('recognises ownership by uid', () => {
    expect(isOwnedBy(web, new Set(['rs-uid']))).toBe(true);
    expect(isOwnedBy(web, new Set(['other']))).toBe(false);
  });
});
