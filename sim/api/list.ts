/**
 * LIST: selectors, limit/continue with expiring tokens, resourceVersion/resourceVersionMatch
 * semantics, and the three output shapes (List, Table, PartialObjectMetadataList). Items are
 * stored JSON strings concatenated and streamed out: no JSON.stringify of the whole list.
 */
import type { ServerResponse } from 'node:http';
import { ApiError, apiVersionOf, type ResourceType, type StoredObject } from '../types';
import type { MemoryStore } from '../store';
import { writeParts } from '../server/respond';
import { type IncludeObject, partialObjectMetadata, tableHead, tableRowJson } from './table';

export type OutputShape = 'object' | 'table' | 'metadata';

export interface ListRequest {
  rt: ResourceType;
  storeKey: string;
  namespace: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continueToken?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  output: OutputShape;
  includeObject: IncludeObject;
  /** Object JSON as served (conversion for views such as events.k8s.io). */
  render: (o: StoredObject) => string;
}

interface ContinueToken {
  v: 1;
  rev: number;
  start: string;
  t: number;
}

export function encodeContinue(tok: ContinueToken): string {
  return Buffer.from(JSON.stringify(tok)).toString('base64url');
}

function decodeContinue(text: string): ContinueToken {
  try {
    const tok = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ContinueToken;
    if (tok.v !== 1 || typeof tok.rev !== 'number' || typeof tok.start !== 'string' || typeof tok.t !== 'number') throw new Error('bad');
    return tok;
  } catch {
    throw new ApiError(400, 'BadRequest', 'continue key is not valid: invalid continue token');
  }
}

const expiredContinue = () =>
  new ApiError(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue value from the 410 response.',
  );

export async function serveList(res: ServerResponse, store: MemoryStore, req: ListRequest, now: number, continueTtlMs: number): Promise<void> {
  const { rt } = req;
  let rev = store.revision();
  let after: string | undefined;
  let limit = req.limit && req.limit > 0 ? req.limit : undefined;
  const rv = req.resourceVersion;
  const match = req.resourceVersionMatch;
  if (match && !rv) throw new ApiError(400, 'BadRequest', 'resourceVersionMatch is forbidden unless resourceVersion is provided');
  if (match && match !== 'Exact' && match !== 'NotOlderThan') {
    throw new ApiError(400, 'BadRequest', `resourceVersionMatch: Unsupported value: "${match}": supported values: "Exact", "NotOlderThan"`);
  }
  let snapshot: number | undefined;
  if (req.continueToken) {
    if (rv) throw new ApiError(400, 'BadRequest', 'specifying resource version is not allowed when using continue');
    const tok = decodeContinue(req.continueToken);
    if (now - tok.t > continueTtlMs) throw expiredContinue();
    if (tok.rev < store.oldestResumableRev(req.storeKey)) throw expiredContinue();
    snapshot = tok.rev;
    rev = tok.rev;
    after = tok.start;
  } else if (rv && rv !== '0') {
    const want = store.decodeRv(rv);
    if (match === 'Exact') {
      snapshot = want;
      rev = want;
    } else if (want > store.revision()) {
      throw new ApiError(504, 'Timeout', `Too large resource version: ${want}, current: ${store.revision()}`, { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 });
    }
  } else if (rv === '0' && match !== 'Exact') {
    // Served from the watch cache: like kube-apiserver 1.32, the limit is ignored.
    limit = undefined;
  }

  const page =
    snapshot !== undefined
      ? store.listPageAt(req.storeKey, snapshot, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector, after, limit })
      : store.listPage(req.storeKey, { namespace: req.namespace, labelSelector: req.labelSelector, fieldSelector: req.fieldSelector, after, limit });

  const meta: Record<string, unknown> = { resourceVersion: store.encodeRv(rev) };
  if (page.more && page.lastKey !== undefined) {
    meta.continue = encodeContinue({ v: 1, rev, start: page.lastKey, t: req.continueToken ? decodeContinue(req.continueToken).t : now });
    if (page.remaining !== undefined) meta.remainingItemCount = page.remaining;
  }
  const metaJson = JSON.stringify(meta);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });

  const items = page.items;
  if (req.output === 'table') {
    res.write(tableHead(rt, metaJson));
    await writeParts(res, joined(items, (o) => tableRowJson(o, rt, req.includeObject, now)));
    res.end(']}');
    return;
  }
  if (req.output === 'metadata') {
    res.write(`{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/v1","metadata":${metaJson},"items":[`);
    await writeParts(res, joined(items, (o) => partialObjectMetadata(o)));
    res.end(']}');
    return;
  }
  res.write(`{"kind":"${rt.listKind}","apiVersion":"${apiVersionOf(rt)}","metadata":${metaJson},"items":[`);
  await writeParts(res, joined(items, req.render));
  res.end(']}');
}

function* joined(items: StoredObject[], render: (o: StoredObject) => string): Generator<string> {
  for (let i = 0; i < items.length; i++) yield i ? `,${render(items[i])}` : render(items[i]);
}
