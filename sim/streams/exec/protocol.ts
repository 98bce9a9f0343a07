/**
 * The Kubernetes remote-command WebSocket protocols (k8s.io/apimachinery/pkg/util/remotecommand):
 * every binary message starts with a channel byte. v4 carries the exit status as a
 * metav1.Status on the error channel; v5 adds channel 255 so a client can half-close stdin.
 */

export const V5 = 'v5.channel.k8s.io';
export const V4 = 'v4.channel.k8s.io';
/** Supported subprotocols, best first. */
export const EXEC_PROTOCOLS = [V5, V4] as const;

export const Channel = {
  stdin: 0,
  stdout: 1,
  stderr: 2,
  error: 3,
  resize: 4,
  /** v5 only: payload is the id of the stream the client closes (0 = stdin). */
  close: 255,
} as const;

/** Picks the protocol to speak from what the client offers; undefined if none is supported. */
export function negotiateProtocol(offered: Iterable<string>): string | undefined {
  const set = new Set(offered);
  return EXEC_PROTOCOLS.find((p) => set.has(p));
}

export function frame(channel: number, data: Buffer | string): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** Status sent when the command exits 0. */
export function successStatus(): Record<string, unknown> {
  return { metadata: {}, status: 'Success' };
}

/** Status for a non-zero exit, as the kubelet builds it (reason NonZeroExitCode, cause ExitCode). */
export function exitStatus(command: string[], code: number): Record<string, unknown> {
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** Status for a command that could not start at all. */
export function internalErrorStatus(message: string): Record<string, unknown> {
  return { metadata: {}, status: 'Failure', message: `Internal error occurred: ${message}`, reason: 'InternalError', details: { causes: [{ message }] }, code: 500 };
}

export interface TerminalSize {
  width: number;
  height: number;
}

/** Parses a resize message (`{"Width":120,"Height":40}`); undefined if malformed. */
export function parseResize(payload: Buffer): TerminalSize | undefined {
  try {
    const value = JSON.parse(payload.toString('utf8')) as { Width?: unknown; Height?: unknown };
    const width = Number(value.Width);
    const height = Number(value.Height);
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 10000 || height > 10000) return undefined;
    return { width, height };
  } catch {
    return undefined;
  }
}
