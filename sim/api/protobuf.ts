/**
 * Just enough Kubernetes protobuf decoding for the request bodies kubectl sends as protobuf
 * (its typed clientset uses `application/vnd.kubernetes.protobuf`): access/rules/self reviews
 * and evictions. Responses stay JSON (clients decode by the response Content-Type).
 * Hand-written: the wire format is tiny and pulling a protobuf runtime plus generated k8s
 * descriptors for four messages is not worth it.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiError } from '../types';

type Fields = Map<number, (bigint | Buffer)[]>;

function readVarint(buf: Buffer, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    result |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) return [result, pos];
    shift += 7n;
  }
}

function decodeMessage(buf: Buffer): Fields {
  const fields: Fields = new Map();
  let pos = 0;
  while (pos < buf.length) {
    const [tag, p1] = readVarint(buf, pos);
    pos = p1;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    let value: bigint | Buffer;
    if (wire === 0) {
      [value, pos] = readVarint(buf, pos);
    } else if (wire === 2) {
      const [len, p2] = readVarint(buf, pos);
      value = buf.subarray(p2, p2 + Number(len));
      pos = p2 + Number(len);
    } else if (wire === 1) {
      value = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (wire === 5) {
      value = buf.subarray(pos, pos + 4);
      pos += 4;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

const str = (f: Fields, n: number): string | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? v.toString('utf8') : undefined;
};
const strs = (f: Fields, n: number): string[] => (f.get(n) ?? []).filter(Buffer.isBuffer).map((b) => (b as Buffer).toString('utf8'));
const msg = (f: Fields, n: number): Fields | undefined => {
  const v = f.get(n)?.[0];
  return Buffer.isBuffer(v) ? decodeMessage(v) : undefined;
};
const int = (f: Fields, n: number): number | undefined => {
  const v = f.get(n)?.[0];
  return typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : undefined;
};

function objectMeta(f: Fields | undefined): any {
  if (!f) return {};
  const m: any = {};
  if (str(f, 1)) m.name = str(f, 1);
  if (str(f, 3)) m.namespace = str(f, 3);
  return m;
}

function resourceAttributes(f: Fields | undefined): any {
  if (!f) return undefined;
  const names = ['', 'namespace', 'verb', 'group', 'version', 'resource', 'subresource', 'name'];
  const out: any = {};
  for (let i = 1; i < names.length; i++) {
    const v = str(f, i);
    if (v !== undefined) out[names[i]] = v;
  }
  return out;
}

function toJson(kind: string, apiVersion: string, raw: Buffer): any {
  const f = decodeMessage(raw);
  const metadata = objectMeta(msg(f, 1));
  switch (kind) {
    case 'SelfSubjectAccessReview': {
      const spec = msg(f, 2);
      const nra = spec && msg(spec, 2);
      return {
        kind,
        apiVersion,
        metadata,
        spec: {
          resourceAttributes: resourceAttributes(spec && msg(spec, 1)),
          nonResourceAttributes: nra ? { path: str(nra, 1), verb: str(nra, 2) } : undefined,
        },
      };
    }
    case 'SelfSubjectRulesReview': {
      const spec = msg(f, 2);
      return { kind, apiVersion, metadata, spec: { namespace: spec ? str(spec, 1) ?? '' : '' } };
    }
    case 'SelfSubjectReview':
      return { kind, apiVersion, metadata };
    case 'Eviction': {
      const d = msg(f, 2);
      const pre = d && msg(d, 2);
      return {
        kind,
        apiVersion,
        metadata,
        deleteOptions: d
          ? {
              gracePeriodSeconds: int(d, 1),
              preconditions: pre ? { uid: str(pre, 1), resourceVersion: str(pre, 2) } : undefined,
              propagationPolicy: str(d, 4),
              dryRun: strs(d, 5),
            }
          : undefined,
      };
    }
    default:
      throw new ApiError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml`);
  }
}

/** Decodes a `k8s\0`-prefixed protobuf envelope into the JSON form of the object. */
export function decodeProtobuf(buf: Buffer): any {
  if (buf.length < 4 || buf.toString('latin1', 0, 4) !== 'k8s\u0000') {
    throw new ApiError(400, 'BadRequest', 'the server rejected our request due to an error in our request: provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  }
  try {
    const unknown = decodeMessage(buf.subarray(4));
    const typeMeta = msg(unknown, 1);
    const raw = unknown.get(2)?.[0];
    if (!typeMeta || !Buffer.isBuffer(raw)) throw new Error('missing type or body');
    return toJson(str(typeMeta, 2) ?? '', str(typeMeta, 1) ?? '', raw);
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw new ApiError(400, 'BadRequest', `the server rejected our request due to an error in our request: ${(e as Error).message}`);
  }
}
