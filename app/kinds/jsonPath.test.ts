import { describe, expect, it } from 'vitest';
import { compileJsonPath, evaluateJsonPath, JsonPathError, parseJsonPath } from './jsonPath';

const cert = {
  metadata: { name: 'c', labels: { 'app.kubernetes.io/name': 'web' }, creationTimestamp: '2026-11-20T00:00:00Z' },
  spec: { secretName: 's', issuerRef: { name: 'ca' }, dnsNames: ['a.example', 'b.example', 'c.example'], replicas: 3 },
  status: {
    conditions: [
      { type: 'Issuing', status: 'False', observedGeneration: 1 },
      { type: 'Ready', status: 'True', message: 'Certificate is up to date', observedGeneration: 2 },
    ],
  },
};

describe('evaluateJsonPath (Kubernetes dialect)', () => {
  it.each([
    ['.spec.secretName', ['s']],
    ['{.spec.secretName}', ['s']],
    ['$.spec.secretName', ['s']],
    ['spec.secretName', ['s']],
    ['.spec.issuerRef.name', ['ca']],
    ['.spec.replicas', [3]],
    ['.spec.dnsNames[0]', ['a.example']],
    ['.spec.dnsNames[-1]', ['c.example']],
    ['.spec.dnsNames[5]', []],
    ['.spec.dnsNames[*]', ['a.example', 'b.example', 'c.example']],
    ['.spec.dnsNames[0:2]', ['a.example', 'b.example']],
    ['.spec.dnsNames[1:]', ['b.example', 'c.example']],
    ['.spec.dnsNames[0,2]', ['a.example', 'c.example']],
    ['.status.conditions[?(@.type=="Ready")].status', ['True']],
    ['.status.conditions[?(@.type == "Ready")].message', ['Certificate is up to date']],
    [".status.conditions[?(@.type=='Issuing')].status", ['False']],
    ['.status.conditions[?(@.type!="Ready")].type', ['Issuing']],
    ['.status.conditions[?(@.observedGeneration>1)].type', ['Ready']],
    ['.status.conditions[?(@.message)].type', ['Ready']],
    ['.status.conditions[*].type', ['Issuing', 'Ready']],
    [".metadata.labels['app.kubernetes.io/name']", ['web']],
    ['.metadata.labels["app.kubernetes.io/name"]', ['web']],
    ['..name', ['c', 'ca']], // metadata.name and spec.issuerRef.name, in document order
    ['.missing.deeper', []],
    ['.spec.secretName.length', []], // no JavaScript properties on strings
    ['.metadata.constructor', []], // nor inherited ones
  ])('%s', (path, expected) => {
    expect(evaluateJsonPath(path, cert)).toEqual(expected);
  });

  it('rejects what it does not understand, saying where', () => {
    expect(() => parseJsonPath('.spec[')).toThrow(JsonPathError);
    expect(() => parseJsonPath('.spec[')).toThrow(/missing "\]"/);
    expect(() => parseJsonPath('.a[?(@.x =~ /y/)]')).toThrow(/unsupported filter/);
    expect(() => parseJsonPath('.a[?(@.x == foo())]')).toThrow(/unsupported literal/);
    expect(() => parseJsonPath('.a + .b')).toThrow(/unexpected " " at 2/);
  });

  it('never runs code from the expression', () => {
    const g = globalThis as Record<string, unknown>;
    delete g.pwned;
    expect(() => evaluateJsonPath('.a[?(@.x == (globalThis.pwned = 1))]', { a: [{ x: 1 }] })).toThrow(JsonPathError);
    expect(g.pwned).toBeUndefined();
  });

  it('compiles once for many objects', () => {
    const ready = compileJsonPath('.status.conditions[?(@.type=="Ready")].status');
    expect(ready(cert)).toEqual(['True']);
    expect(ready({ status: {} })).toEqual([]);
    expect(ready(null)).toEqual([]);
  });
});
