/**
 * The `revealSecret` call: one value of one Secret, read when the user asks for it.
 *
 * Secrets leave the core redacted (normalize.ts, app/kinds/secretRedaction.ts). To see a value
 * the renderer names a single key; main GETs that Secret with the context's own credentials (so
 * the cluster's RBAC decides, and a 403/404 comes back as `forbidden`/`not-found`) and returns
 * that key's value alone, decoded.
 */
import { ContractError } from '../../../app/contract/errors';
import type { RevealedSecretValue, SecretKeyAddress } from '../../../app/contract/pilothouse';
import type { KubeObject } from '../../../app/kube/object';
import type { KubeRequest } from '../http/kubeHttp';
import { collectionPath } from '../informer/normalize';
import * as validate from '../validate';

/** Secret keys as the API server validates them (IsConfigMapKey). */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const SECRETS = { group: '', version: 'v1', resource: 'secrets' };

/** Checks a request from the (untrusted) renderer; returns a clean copy or throws `bad-request`. */
export function secretKeyAddress(req: unknown): SecretKeyAddress {
  if (!req || typeof req !== 'object' || Array.isArray(req)) throw validate.badRequest('request must be an object');
  const r = req as Record<string, unknown>;
  if (r.namespace === undefined || r.namespace === '') throw validate.badRequest('namespace is required: Secrets are namespaced');
  const a = validate.objectAddress({ context: r.context, ref: SECRETS, namespace: r.namespace, name: r.name });
  const key = r.key;
  if (typeof key !== 'string' || key === '') throw validate.badRequest('key must be a non-empty string');
  if (key.length > 253) throw validate.badRequest(`key is too long (${key.length} > 253)`);
  if (!SECRET_KEY.test(key)) throw validate.badRequest(`key is not a valid Secret key: ${JSON.stringify(key)}`);
  return { context: a.context, namespace: a.namespace!, name: a.name, key };
}

/** The bytes of a Secret value as text when they are valid UTF-8, else as base64. */
export function decodeSecretBytes(bytes: Buffer): RevealedSecretValue {
  try {
    const value = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { value, encoding: 'utf-8', bytes: bytes.length };
  } catch {
    return { value: bytes.toString('base64'), encoding: 'base64', bytes: bytes.length };
  }
}

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Fetches the Secret and returns the value of `a.key`. `get` sends the request with the
 * context's credentials (ClusterManager.requestFor).
 */
export async function revealSecretValue(get: <T>(req: KubeRequest) => Promise<T>, a: SecretKeyAddress, signal?: AbortSignal): Promise<RevealedSecretValue> {
  const secret = await get<KubeObject>({ path: `${collectionPath(SECRETS, a.namespace)}/${encodeURIComponent(a.name)}`, signal });
  const data = secret.data && typeof secret.data === 'object' ? (secret.data as Record<string, unknown>) : {};
  if (!Object.prototype.hasOwnProperty.call(data, a.key)) {
    throw new ContractError({ code: 'not-found', message: `Secret "${a.name}" in namespace "${a.namespace}" has no key "${a.key}"` });
  }
  const encoded = data[a.key];
  if (typeof encoded !== 'string' || !STRICT_BASE64.test(encoded)) {
    // The API server only stores base64 here; anything else is a broken server, not a value to show.
    throw new ContractError({ code: 'server-error', message: `The value of key "${a.key}" of Secret "${a.name}" is not valid base64` });
  }
  return decodeSecretBytes(Buffer.from(encoded, 'base64'));
}
