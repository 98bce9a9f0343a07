/**
 * One accepted WebSocket as a contract ServerPort. Incoming frames are parsed defensively
 * (JSON text, or a binary `bytes` frame of binaryFrame.ts; anything else closes the socket
 * with 1003) and handed to serveContract, which validates the envelope itself. Streams are
 * paced by the contract's acknowledgement window; the buffered-bytes cut-off stays only as
 * the last line against a peer that stops reading the socket altogether.
 */
import type { RawData, WebSocket } from 'ws';
import { decodeBytesFrame, encodeBytesFrame } from '../../app/contract/binaryFrame';
import { createPortListeners } from '../../app/contract/portListeners';
import type { ClientMessage, ServerMessage, ServerPort } from '../../app/contract/protocol';

/** Close codes (RFC 6455 §7.4.1). */
export const CLOSE_UNSUPPORTED_DATA = 1003;
export const CLOSE_POLICY_VIOLATION = 1008;

/** Events queued for a peer beyond this many bytes mean it is not reading: drop it. */
export const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export function socketServerPort(socket: WebSocket, maxBufferedBytes = MAX_BUFFERED_BYTES): ServerPort {
  const listeners = createPortListeners<ClientMessage>();

  socket.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) {
      const frame = decodeBytesFrame(asBytes(data));
      if (!frame) {
        socket.close(CLOSE_UNSUPPORTED_DATA, 'unknown binary frame');
        return;
      }
      listeners.deliver({ t: 'bytes', id: frame.id, data: frame.data });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      socket.close(CLOSE_UNSUPPORTED_DATA, 'invalid JSON');
      return;
    }
    // The envelope's shape is checked by serveContract (parseClientMessage); here it is
    // only known to be JSON, hence the cast through unknown.
    listeners.deliver(parsed as ClientMessage);
  });

  socket.on('close', () => listeners.close());

  return {
    send(message: ServerMessage) {
      if (listeners.closed || socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > maxBufferedBytes) {
        socket.close(CLOSE_POLICY_VIOLATION, 'client is not reading');
        return;
      }
      if (message.t === 'bytes') socket.send(encodeBytesFrame(message.id, message.data));
      else socket.send(JSON.stringify(message));
    },
    onMessage: listeners.onMessage,
    onClose: listeners.onClose,
  };
}

/** ws hands binary frames over as a Buffer, an ArrayBuffer or fragments, by its binaryType. */
function asBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data;
}
