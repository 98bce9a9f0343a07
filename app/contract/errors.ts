/** Errors that cross the boundary: a stable code for logic, a message for people. */

export type ErrorCode =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'conflict' // 409
  | 'gone' // 410
  | 'invalid' // 422 or malformed input
  | 'too-many-requests' // 429
  | 'server-error' // 5xx
  | 'unreachable' // DNS, refused, TLS, timeout
  | 'untrusted-exec' // an exec credential plugin the user has not trusted yet
  | 'kubeconfig' // malformed or missing kubeconfig
  | 'cancelled'
  | 'bad-request' // the caller broke the contract
  | 'internal';

export interface ContractErrorData {
  code: ErrorCode;
  message: string;
  /** HTTP status from the API server, when there was one. */
  status?: number;
  /** Extra structured details (e.g. the Kubernetes Status `details`, a file name). */
  details?: Record<string, unknown>;
}

export class ContractError extends Error implements ContractErrorData {
  readonly code: ErrorCode;
  readonly status?: number;
  readonly details?: Record<string, unknown>;

  constructor(data: ContractErrorData) {
    super(data.message);
    this.name = 'ContractError';
    this.code = data.code;
    this.status = data.status;
    this.details = data.details;
  }

  toJSON(): ContractErrorData {
    return { code: this.code, message: this.message, status: this.status, details: this.details };
  }
}

/** Turns anything thrown into plain error data that can cross the boundary. */
export function toErrorData(err: unknown): ContractErrorData {
  if (err instanceof ContractError) return err.toJSON();
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown };
    if (typeof e.code === 'string' && typeof e.message === 'string' && isErrorCode(e.code)) {
      return { code: e.code, message: e.message };
    }
  }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

const CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'unauthorized', 'forbidden', 'not-found', 'conflict', 'gone', 'invalid', 'too-many-requests',
  'server-error', 'unreachable', 'untrusted-exec', 'kubeconfig', 'cancelled', 'bad-request', 'internal',
]);

function isErrorCode(code: string): code is ErrorCode {
  return CODES.has(code);
}

/** Maps an HTTP status from the API server to an error code. */
export function errorCodeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 410) return 'gone';
  if (status === 422 || status === 400) return 'invalid';
  if (status === 429) return 'too-many-requests';
  if (status >= 500) return 'server-error';
  return 'internal';
}
