/**
 * Protobuf request bodies (`application/vnd.kubernetes.protobuf`), which kubectl's typed
 * clientset sends for its imperative commands (`kubectl create namespace|deployment|configmap|
 * secret|job|cronjob|service|serviceaccount|role|...`, `auth can-i`, `drain`): the `k8s\0` magic,
 * then a runtime.Unknown envelope {typeMeta, raw} whose raw bytes are the object's message.
 * The result is the object's JSON form, which then takes the same path as a JSON body.
 * Responses stay JSON: clients list application/json after protobuf in Accept.
 *
 * The wire format is read by protobufjs with schemas of our own (./schema/), written only for
 * the messages those commands can send; anything else gets a Status naming what was not understood.
 */
import { ApiError } from '../../types';
import { checkKnownFields, malformedBody } from './wireCheck';
import { messageToJson } from './toJson';
import { decodableKinds, messageTypeFor, schemaRoot } from './schemaRoot';

const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]); // "k8s\0"
const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

interface Envelope {
  typeMeta?: { apiVersion?: string; kind?: string };
  raw?: Uint8Array;
  contentEncoding?: string;
  contentType?: string;
}

/** Decodes a `k8s\0`-prefixed protobuf body into the JSON form of the object it carries. */
export function decodeProtobuf(buf: Buffer): Record<string, unknown> {
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new ApiError(400, 'BadRequest', 'the server rejected our request due to an error in our request: provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]');
  }
  try {
    const envelopeType = schemaRoot().lookupType('k8s.io.apimachinery.pkg.runtime.Unknown');
    const envelope = envelopeType.decode(buf.subarray(MAGIC.length)) as unknown as Envelope;
    const apiVersion = envelope.typeMeta?.apiVersion ?? '';
    const kind = envelope.typeMeta?.kind ?? '';
    if (!kind) throw malformedBody('the runtime.Unknown envelope names no kind');
    if (envelope.contentEncoding) throw unsupportedEnvelope(`content encoding "${envelope.contentEncoding}"`);
    if (envelope.contentType && envelope.contentType !== PROTOBUF_CONTENT_TYPE) throw unsupportedEnvelope(`content type "${envelope.contentType}"`);
    const type = messageTypeFor(apiVersion, kind);
    if (!type) {
      throw new ApiError(
        415,
        'UnsupportedMediaType',
        `the simulator does not decode protobuf bodies of kind ${kind} (apiVersion ${apiVersion || '""'}); it decodes ${decodableKinds().join(', ')}. Send the object as application/json`,
      );
    }
    const raw = envelope.raw ?? new Uint8Array();
    checkKnownFields(type, raw, '', kind);
    return { kind, apiVersion, ...messageToJson(type, type.decode(raw)) };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw malformedBody((e as Error).message);
  }
}

function unsupportedEnvelope(what: string): ApiError {
  return new ApiError(415, 'UnsupportedMediaType', `the simulator does not decode protobuf bodies with ${what}; send the object as application/json`);
}
