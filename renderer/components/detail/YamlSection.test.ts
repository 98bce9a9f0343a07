import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { HIDDEN_LAST_APPLIED, LAST_APPLIED_ANNOTATION, redactSecret } from '../../../app/kinds/secretRedaction';
import type { KubeObject } from '../../../app/kube/object';
import { yamlOf } from './YamlSection';

const PASSWORD = 'hunter2-horse';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function secret(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop', uid: 'u1', managedFields: [{ manager: 'kubectl' }], annotations: { [LAST_APPLIED_ANNOTATION]: JSON.stringify({ stringData: { password: PASSWORD } }) } },
    data: { password: b64(PASSWORD) },
    stringData: { extra: PASSWORD },
  };
}

describe('yamlOf', () => {
  it('shows a redacted Secret with its sizes, as valid YAML', () => {
    const text = yamlOf(redactSecret(secret()), { value: (n) => `<hidden: ${n} bytes>`, lastApplied: '<hidden: may contain secret data>' });
    const back = parse(text);
    expect(back.data).toEqual({ password: `<hidden: ${PASSWORD.length} bytes>` });
    expect(back.stringData).toEqual({ extra: `<hidden: ${PASSWORD.length} bytes>` });
    expect(back.metadata.annotations[LAST_APPLIED_ANNOTATION]).toBe('<hidden: may contain secret data>');
    expect(back.metadata.managedFields).toBeUndefined();
    expect(text).not.toContain(HIDDEN_LAST_APPLIED);
  });

  it('never prints a Secret value, even one that reached it unredacted', () => {
    const text = yamlOf(secret());
    for (const leak of [PASSWORD, b64(PASSWORD)]) expect(text).not.toContain(leak);
    expect(parse(text).data).toEqual({ password: `<hidden: ${PASSWORD.length} bytes>` });
    expect(parse(yamlOf({ ...secret(), data: 'c2VjcmV0' })).data).toEqual({});
  });

  it('prints other kinds as they are', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'u', annotations: { [LAST_APPLIED_ANNOTATION]: '{"data":{"a":"b"}}' } }, data: { a: 'b' } };
    expect(parse(yamlOf(cm))).toEqual(cm);
  });
});
