import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import {
  base64DecodedLength,
  HIDDEN_LAST_APPLIED,
  isHiddenLastApplied,
  isRedactedSecretValue,
  isSecretObject,
  LAST_APPLIED_ANNOTATION,
  redactSecret,
  utf8Length,
} from './secretRedaction';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

function secret(extra: Partial<KubeObject> = {}): KubeObject {
  const lastApplied = JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db' }, stringData: { password: 's3cr3t-pa55' } });
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'db', namespace: 'shop', uid: 'u1', annotations: { [LAST_APPLIED_ANNOTATION]: lastApplied, team: 'pay' } },
    type: 'Opaque',
    data: { password: b64('s3cr3t-pa55'), empty: '', emoji: b64('ключ🔑') },
    ...extra,
  };
}

describe('base64DecodedLength and utf8Length', () => {
  it.each(['', 'a', 'ab', 'abc', 'abcd', 'hello world', '🔑', 'ключ'])('matches Buffer for %j', (s) => {
    expect(base64DecodedLength(b64(s))).toBe(Buffer.byteLength(s));
    expect(utf8Length(s)).toBe(Buffer.byteLength(s));
  });
  it('counts binary (non-UTF-8) values by their bytes', () => {
    expect(base64DecodedLength(Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x81]).toString('base64'))).toBe(5);
  });
});

describe('redactSecret', () => {
  it('keeps every key, replaces each value by its decoded size, and leaves no value anywhere', () => {
    const out = redactSecret(secret({ stringData: { token: 'tok-ü' } }));
    expect(out.data).toEqual({
      password: { $redacted: 'secret-value', bytes: 11 },
      empty: { $redacted: 'secret-value', bytes: 0 },
      emoji: { $redacted: 'secret-value', bytes: Buffer.byteLength('ключ🔑') },
    });
    expect(out.stringData).toEqual({ token: { $redacted: 'secret-value', bytes: 6 } });
    const text = JSON.stringify(out);
    for (const leak of ['s3cr3t-pa55', b64('s3cr3t-pa55'), 'tok-ü', b64('ключ🔑')]) expect(text).not.toContain(leak);
  });

  it('replaces the last-applied annotation content and keeps the other annotations', () => {
    const out = redactSecret(secret());
    expect(out.metadata.annotations).toEqual({ [LAST_APPLIED_ANNOTATION]: HIDDEN_LAST_APPLIED, team: 'pay' });
    expect(isHiddenLastApplied(out.metadata.annotations![LAST_APPLIED_ANNOTATION])).toBe(true);
    expect(out.metadata).toMatchObject({ name: 'db', namespace: 'shop', uid: 'u1' });
  });

  it('does not change its input, and is idempotent', () => {
    const input = secret();
    const before = JSON.stringify(input);
    const once = redactSecret(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(redactSecret(once)).toEqual(once);
  });

  it('redacts malformed values too (non-string values, data that is not a map)', () => {
    expect(redactSecret(secret({ data: { n: 42 } })).data).toEqual({ n: { $redacted: 'secret-value', bytes: 0 } });
    expect(redactSecret(secret({ data: 'c2VjcmV0' })).data).toEqual({});
    expect(redactSecret(secret({ data: ['c2VjcmV0'] })).data).toEqual({});
    expect(redactSecret(secret({ data: null })).data).toBeNull();
  });

  it('returns other kinds, and Secret-named kinds of other groups, unchanged', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', uid: 'u', annotations: { [LAST_APPLIED_ANNOTATION]: '{}' } }, data: { a: 'b' } };
    expect(redactSecret(cm)).toBe(cm);
    const custom = { ...secret(), apiVersion: 'example.com/v1' };
    expect(redactSecret(custom)).toBe(custom);
    expect(isSecretObject({ apiVersion: 'v1', kind: 'Secret' })).toBe(true);
    expect(isSecretObject({ kind: 'Secret' })).toBe(false);
  });
});

describe('type guards', () => {
  it('recognise only the exact markers', () => {
    expect(isRedactedSecretValue({ $redacted: 'secret-value', bytes: 3 })).toBe(true);
    expect(isRedactedSecretValue({ $redacted: 'secret-value' })).toBe(false);
    expect(isRedactedSecretValue({ $redacted: 'other', bytes: 3 })).toBe(false);
    expect(isRedactedSecretValue('c2VjcmV0')).toBe(false);
    expect(isRedactedSecretValue(null)).toBe(false);
    expect(isHiddenLastApplied('{"kind":"Secret"}')).toBe(false);
  });
});
