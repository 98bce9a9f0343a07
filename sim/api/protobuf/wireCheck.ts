/**
 * A pass over the raw protobuf bytes before decoding. protobufjs silently skips fields its
 * schema does not know; the simulator must instead refuse them by name, or an object created
 * from protobuf would quietly lose data (a probe, a volume, a field of a newer Kubernetes).
 */
import protobuf from 'protobufjs';
import { ApiError } from '../../types';
import { MARKER_IGNORED, MARKER_UNMODELLED } from './schemaRoot';

const LENGTH_DELIMITED = 2;

/** 415: well-formed protobuf that the simulator cannot turn into JSON faithfully. */
export function unsupportedBody(kind: string, detail: string): ApiError {
  return new ApiError(
    415,
    'UnsupportedMediaType',
    `the simulator cannot decode this protobuf ${kind} body: ${detail}; send the object as application/json instead (e.g. kubectl create -f / apply -f)`,
  );
}

/** 400: bytes that are not the protobuf they claim to be. */
export function malformedBody(detail: string): ApiError {
  return new ApiError(400, 'BadRequest', `the server rejected our request due to an error in our request: malformed protobuf body: ${detail}`);
}

const typeName = (type: protobuf.Type) => type.fullName.replace(/^\./, '');

/** Throws unless every field in `bytes` (a `type` message, at JSON path `path`) is in the schema. */
export function checkKnownFields(type: protobuf.Type, bytes: Uint8Array, path: string, kind: string): void {
  const reader = protobuf.Reader.create(bytes);
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    const wireType = tag & 7;
    const field = type.fieldsById[id];
    if (!field) {
      throw unsupportedBody(kind, `field number ${id} of ${typeName(type)} (at ${path || 'the top level'}) is unknown to the simulator`);
    }
    const fieldPath = path ? `${path}.${field.name}` : field.name;
    const valueType = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    if (!valueType && !field.map) {
      reader.skipType(wireType);
      continue;
    }
    if (wireType !== LENGTH_DELIMITED) throw malformedBody(`field ${fieldPath} has wire type ${wireType}, expected a length-delimited message`);
    const value = reader.bytes();
    if (valueType?.fullName === MARKER_IGNORED) continue;
    if (valueType?.fullName === MARKER_UNMODELLED) {
      throw unsupportedBody(kind, `field ${fieldPath} (${typeName(type)}.${field.name}) is not modelled by the simulator`);
    }
    if (field.map) {
      if (valueType) checkMapEntry(valueType, value, fieldPath, kind);
    } else if (valueType) {
      checkKnownFields(valueType, value, field.repeated ? `${fieldPath}[]` : fieldPath, kind);
    }
  }
}

/** A map entry is a message {1: key, 2: value}; only message values need a look inside. */
function checkMapEntry(valueType: protobuf.Type, bytes: Uint8Array, path: string, kind: string): void {
  const reader = protobuf.Reader.create(bytes);
  let key = '';
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const id = tag >>> 3;
    if (id === 1 && (tag & 7) === LENGTH_DELIMITED) key = reader.string();
    else if (id === 2 && (tag & 7) === LENGTH_DELIMITED) checkKnownFields(valueType, reader.bytes(), `${path}[${key}]`, kind);
    else reader.skipType(tag & 7);
  }
}
