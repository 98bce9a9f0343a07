/**
 * Secret redaction: the core replaces every Secret value before the object leaves main, so the
 * renderer (and everything in its cache, its YAML view and its clipboard) never holds a value the
 * user did not ask to see. A value is fetched one key at a time through the `revealSecret` call.
 *
 * Pure: used by main (to redact) and by the renderer (to recognise the markers).
 */
import type { KubeObject } from '../kube/object';

/** What stands in for one Secret value: its key stays, its content is replaced by its size. */
export interface RedactedSecretValue {
  /** Marker tag; `$` keeps it apart from anything the Kubernetes API would put in a value. */
  $redacted: 'secret-value';
  /** Length of the decoded value in bytes (base64-decoded for `data`, UTF-8 for `stringData`). */
  bytes: number;
}

/** kubectl's client-side apply copy of the object: for a Secret it holds `data`/`stringData` verbatim. */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The value that replaces the last-applied annotation of a Secret. It is a plain string because
 * annotations are strings; it reads sensibly even where the renderer does not translate it.
 */
export const HIDDEN_LAST_APPLIED = '<hidden by Pilothouse: may contain secret data>';

export function isRedactedSecretValue(v: unknown): v is RedactedSecretValue {
  return typeof v === 'object' && v !== null && (v as RedactedSecretValue).$redacted === 'secret-value' && typeof (v as RedactedSecretValue).bytes === 'number';
}

export function isHiddenLastApplied(v: unknown): boolean {
  return v === HIDDEN_LAST_APPLIED;
}

/** A core-group Secret (a custom kind named Secret in another group is not touched). */
export function isSecretObject(obj: Pick<KubeObject, 'apiVersion' | 'kind'>): boolean {
  return obj.kind === 'Secret' && obj.apiVersion === 'v1';
}

/** Bytes that a standard base64 string decodes to (computed from its length; not validated). */
export function base64DecodedLength(b64: string): number {
  const s = b64.replace(/\s+/g, '');
  if (s.length === 0) return 0;
  const padding = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((s.length * 3) / 4) - padding);
}

/** UTF-8 length of a string, counted by code point (app/ uses no host API such as TextEncoder or Buffer). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function redactValues(values: unknown, size: (v: string) => number): Record<string, RedactedSecretValue> {
  // Not a map (malformed): nothing of it is kept, in case it holds a value anyway.
  if (!values || typeof values !== 'object' || Array.isArray(values)) return {};
  const out: Record<string, RedactedSecretValue> = {};
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    out[key] = isRedactedSecretValue(value) ? value : { $redacted: 'secret-value', bytes: typeof value === 'string' ? size(value) : 0 };
  }
  return out;
}

/**
 * A copy of a Secret with every `data`/`stringData` value replaced by a RedactedSecretValue and
 * the last-applied annotation's content replaced by HIDDEN_LAST_APPLIED. Idempotent. Objects
 * that are not Secrets are returned unchanged (the same object).
 */
export function redactSecret<T extends KubeObject>(obj: T): T {
  if (!isSecretObject(obj)) return obj;
  const out: KubeObject = { ...obj };
  if (obj.data != null) out.data = redactValues(obj.data, base64DecodedLength);
  if (obj.stringData != null) out.stringData = redactValues(obj.stringData, utf8Length);
  const annotations = obj.metadata?.annotations;
  if (annotations && LAST_APPLIED_ANNOTATION in annotations) {
    out.metadata = { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED_ANNOTATION]: HIDDEN_LAST_APPLIED } };
  }
  return out as T;
}
