/**
 * `bytes` messages as binary WebSocket frames: a tag byte, the stream id as a float64 (any
 * safe integer fits), then the payload as is. Every other message travels as a JSON text
 * frame. A frame is parsed defensively: it comes from the other side of a socket.
 */

const TAG_BYTES = 0x42; // 'B'
const HEADER = 9;

export interface BytesFrame {
  id: number;
  data: Uint8Array;
}

export function encodeBytesFrame(id: number, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const frame = new Uint8Array(HEADER + data.byteLength);
  frame[0] = TAG_BYTES;
  new DataView(frame.buffer).setFloat64(1, id);
  frame.set(data, HEADER);
  return frame;
}

/** The frame's stream id and payload (a view into `frame`, not a copy), or undefined if it is not ours. */
export function decodeBytesFrame(frame: Uint8Array): BytesFrame | undefined {
  if (frame.byteLength < HEADER || frame[0] !== TAG_BYTES) return undefined;
  const id = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getFloat64(1);
  if (!Number.isSafeInteger(id) || id < 0) return undefined;
  return { id, data: frame.subarray(HEADER) };
}
