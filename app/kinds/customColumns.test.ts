import { describe, expect, it } from 'vitest';
import type { PrinterColumn } from '../contract/pilothouse';
import type { KubeObject } from '../kube/object';
import { columnsForCustomResource } from './customColumns';
import { objectsFromYaml, pick } from './testManifests';
import certCrdYaml from '../testdata/manifests/cert-manager/crd-certificates.yaml?raw';
import certSamples from '../testdata/manifests/cert-manager/sample-issuer-certificates.yaml?raw';
import shirtCrdYaml from '../testdata/manifests/k8s-website/crd-shirt.yaml?raw';
import shirts from '../testdata/manifests/k8s-website/shirt-resources.yaml?raw';

const NOW = Date.parse('2026-11-27T00:00:00Z');

function printerColumnsOf(crdYaml: string): PrinterColumn[] {
  const crd = pick(objectsFromYaml(crdYaml), 'CustomResourceDefinition');
  const served = crd.spec.versions.find((v: { storage?: boolean }) => v.storage) ?? crd.spec.versions[0];
  return served.additionalPrinterColumns ?? [];
}

function row(columns: ReturnType<typeof columnsForCustomResource>, obj: KubeObject, wide = true) {
  return Object.fromEntries(columns.filter((c) => wide || !c.wide).map((c) => [c.title ?? c.id, c.value(obj, NOW)]));
}

describe('columnsForCustomResource with real CRDs', () => {
  it('cert-manager Certificates: READY SECRET (+ ISSUER STATUS EXPIRATION wide) AGE', () => {
    const columns = columnsForCustomResource(printerColumnsOf(certCrdYaml), true);
    expect(columns.map((c) => c.title ?? c.id)).toEqual(['name', 'namespace', 'READY', 'SECRET', 'ISSUER', 'STATUS', 'EXPIRATION', 'AGE']);
    expect(columns.filter((c) => c.wide).map((c) => c.title)).toEqual(['ISSUER', 'STATUS', 'EXPIRATION']);
    expect(columns.every((c) => c.titleKey)).toBe(true);

    const test1 = pick(objectsFromYaml(certSamples), 'Certificate', 'test1');
    // Just created: no status yet.
    expect(row(columns, test1, false)).toEqual({ name: 'test1', namespace: 'default', READY: undefined, SECRET: 'test1', AGE: '7d' });
    const issued = {
      ...test1,
      status: {
        notAfter: '2027-02-25T00:00:00Z',
        conditions: [
          { type: 'Issuing', status: 'False' },
          { type: 'Ready', status: 'True', message: 'Certificate is up to date and has not expired' },
        ],
      },
    };
    expect(row(columns, issued)).toEqual({
      name: 'test1',
      namespace: 'default',
      READY: 'True',
      SECRET: 'test1',
      ISSUER: 'selfsigned-issuer',
      STATUS: 'Certificate is up to date and has not expired',
      EXPIRATION: '2027-02-25T00:00:00Z', // type string: shown as is, not as an age
      AGE: '7d',
    });
  });

  it('Shirts (kubernetes.io example): COLOR SIZE', () => {
    const columns = columnsForCustomResource(printerColumnsOf(shirtCrdYaml), true);
    const rows = objectsFromYaml(shirts).map((s) => row(columns, s));
    expect(rows[0]).toEqual({ name: 'example1', namespace: 'default', COLOR: 'blue', SIZE: 'S' });
    expect(rows.map((r) => r.SIZE)).toEqual(['S', 'M', 'M']);
  });
});

describe('printer column types', () => {
  const obj: KubeObject = {
    metadata: { name: 'x', uid: 'u' },
    spec: { replicas: 3, ratio: 0.5, paused: false, tags: ['a', 'b'], nested: { a: 1 } },
    status: { lastSync: '2026-11-26T23:00:00Z' },
  };
  const cols = (pcs: PrinterColumn[]) => columnsForCustomResource(pcs, false).slice(1);

  it('integer and number cells are numbers, sorted numerically; missing sorts first', () => {
    const [replicas, ratio] = cols([
      { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
      { name: 'Ratio', type: 'number', jsonPath: '.spec.ratio' },
    ]);
    expect(replicas.value(obj, NOW)).toBe(3);
    expect(replicas.numeric).toBe(true);
    expect(ratio.value(obj, NOW)).toBe(0.5);
    expect(replicas.sortValue!({ metadata: { name: 'y', uid: 'v' } }, NOW)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('date cells show the age, sorted by time', () => {
    const [sync] = cols([{ name: 'Last Sync', type: 'date', jsonPath: '.status.lastSync' }]);
    expect(sync.title).toBe('LAST SYNC');
    expect(sync.value(obj, NOW)).toBe('60m');
    expect(sync.sortValue!(obj, NOW)).toBe(60 * 60 * 1000);
  });

  it('boolean, list and object values are shown as text; the first match is used', () => {
    const [paused, tags, nested] = cols([
      { name: 'Paused', type: 'boolean', jsonPath: '.spec.paused' },
      { name: 'Tags', type: 'string', jsonPath: '.spec.tags[*]' },
      { name: 'Nested', type: 'string', jsonPath: '.spec.nested' },
    ]);
    expect(paused.value(obj, NOW)).toBe('false');
    expect(tags.value(obj, NOW)).toBe('a');
    expect(nested.value(obj, NOW)).toBe('{"a":1}');
  });

  it('an unsupported JSONPath from the cluster gives an empty column, not a broken table', () => {
    const [bad] = cols([{ name: 'Weird', type: 'string', jsonPath: '.spec[?(@.x =~ /y/)]' }]);
    expect(bad.value(obj, NOW)).toBeUndefined();
  });

  it('duplicate column names and built-in-like names get distinct ids', () => {
    const c = columnsForCustomResource(
      [
        { name: 'Name', type: 'string', jsonPath: '.metadata.name' },
        { name: 'Name', type: 'string', jsonPath: '.spec.x' },
      ],
      true,
    );
    expect(new Set(c.map((x) => x.id)).size).toBe(4);
  });

  it('cell text from the cluster is returned raw (the renderer shows it as text, never HTML)', () => {
    const [msg] = cols([{ name: 'Msg', type: 'string', jsonPath: '.spec.msg' }]);
    expect(msg.value({ metadata: { name: 'x', uid: 'u' }, spec: { msg: '<img src=x onerror=alert(1)>' } }, NOW)).toBe('<img src=x onerror=alert(1)>');
  });
});
