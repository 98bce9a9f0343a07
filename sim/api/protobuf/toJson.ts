/**
 * Decoded protobuf message → the object's Kubernetes JSON form, driven by the schema: field names
 * are already the JSON names; Time becomes RFC 3339 (null when zero, as Go marshals it),
 * IntOrString a bare number or string, Quantity its string, bytes base64; zero values of
 * non-pointer fields are dropped (Go's `omitempty`), `(keepZero)` ones kept; `(inline)` structs
 * are merged into their parent; status and managedFields (`Ignored`) are left out.
 */
import protobuf from 'protobufjs';
import { MARKER_IGNORED, MARKER_UNMODELLED } from './schemaRoot';

type Json = Record<string, unknown>;

const TIME = '.k8s.io.apimachinery.pkg.apis.meta.v1.Time';
const INT_OR_STRING = '.k8s.io.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = '.k8s.io.apimachinery.pkg.api.resource.Quantity';
const INT_OR_STRING_STRING = 1;

export function messageToJson(type: protobuf.Type, message: protobuf.Message): Json {
  const plain = type.toObject(message, { longs: Number, bytes: String, defaults: false }) as Json;
  return convertMessage(type, plain);
}

function convertMessage(type: protobuf.Type, plain: Json): Json {
  const out: Json = {};
  for (const field of type.fieldsArray) {
    if (!Object.prototype.hasOwnProperty.call(plain, field.name)) continue;
    const value = plain[field.name];
    const valueType = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (valueType && (valueType.fullName === MARKER_IGNORED || valueType.fullName === MARKER_UNMODELLED)) continue;
    if (field.map) {
      const entries = Object.entries(value as Json);
      if (entries.length) out[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, valueType ? convertValue(valueType, v as Json) : v]));
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length) out[field.name] = valueType ? items.map((v) => convertValue(valueType, v as Json)) : items;
    } else if (valueType) {
      const converted = convertValue(valueType, value as Json);
      if (field.options?.['(inline)'] && converted && typeof converted === 'object') Object.assign(out, converted);
      else out[field.name] = converted;
    } else if (field.options?.['(keepZero)'] || !isZero(value)) {
      out[field.name] = value;
    }
  }
  return out;
}

function convertValue(type: protobuf.Type, plain: Json): unknown {
  switch (type.fullName) {
    case TIME:
      return timeToJson(Number(plain.seconds ?? 0), Number(plain.nanos ?? 0));
    case INT_OR_STRING:
      return Number(plain.type ?? 0) === INT_OR_STRING_STRING ? String(plain.strVal ?? '') : Number(plain.intVal ?? 0);
    case QUANTITY:
      return String(plain.string ?? '');
    default:
      return convertMessage(type, plain);
  }
}

const isZero = (v: unknown) => v === '' || v === 0 || v === false;

/** metav1.Time marshals as RFC 3339 with second precision; the zero time as null. */
function timeToJson(seconds: number, nanos: number): string | null {
  if (seconds === 0 && nanos === 0) return null;
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
