/**
 * Errors that cross the boundary: a stable code for logic, a message id with parameters for
 * people (translated by the renderer), and an English `message` for logs.
 */

/** Every error code, in one list (the type and the renderer's catalog test derive from it). */
export const ERROR_CODES = [
  'unauthorized', // 401
  'forbidden', // 403
  'not-found', // 404
  'conflict', // 409
  'gone', // 410
  'invalid', // 422 or malformed input
  'too-many-requests', // 429
  'server-error', // 5xx
  'unreachable', // DNS, refused, TLS, timeout
  'untrusted-exec', // an exec credential plugin the user has not trusted yet
  'kubeconfig', // malformed or missing kubeconfig
  'cancelled',
  'bad-request', // the caller broke the contract
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Every message main sends for display, with the parameters it takes. The renderer shows
 * `message.<code>` from its catalogs with `params` interpolated (as text, never HTML);
 * renderer/components/common/messageKeys.test.ts proves each code has a key in every catalog
 * using exactly these parameters. An error code alone is also a message (without parameters),
 * so any error can be shown in words.
 *
 * Two parameters have a fixed meaning everywhere and may come with any message: `entry` (where
 * in a file, e.g. `clusters[0] "prod"`) and `line` (a line number); the renderer adds them
 * around the message itself, so the messages never have to.
 */
export const MESSAGE_PARAMS = {
  ...(Object.fromEntries(ERROR_CODES.map((c) => [c, []])) as unknown as Record<ErrorCode, readonly []>),
  // Watch streams (informer).
  'watchdog': ['seconds'],
  'watch-closed': [],
  'watch-cut-mid-event': [],
  'watch-connection-lost': [], // detail: the socket error
  'watch-malformed': [],
  'watch-line-too-long': ['megabytes'],
  'watch-event-without-object': [],
  'watch-error': [], // detail: the API server's message
  // Reaching the API server (http).
  'net-refused': ['server'],
  'net-host-not-found': ['server'],
  'net-lookup-failed': ['server'],
  'net-timed-out': ['server'],
  'net-reset': ['server'],
  'net-host-unreachable': ['server'],
  'net-network-unreachable': ['server'],
  'net-closed': ['server'],
  'net-tls': ['server'], // detail: the TLS error
  'net-failed': ['server'], // detail: the system error
  'net-lost-reading': [], // detail: the socket error
  'invalid-json': ['path'],
  'api-status': ['status'], // detail: the API server's message
  // Contexts and clusters.
  'context-unknown': ['context'],
  'context-disconnected': ['context'],
  'context-removed': ['context'],
  'cluster-not-connected': ['context'],
  'context-missing-cluster': ['context', 'cluster'],
  'context-missing-user': ['context', 'user'],
  'context-no-cluster': ['context'],
  'context-credentials': ['context', 'file'], // detail: client-node's message
  'auth-provider-refused': ['context', 'provider'],
  'proxy-url-invalid': ['context', 'cluster', 'file', 'value'],
  'proxy-url-scheme': ['context', 'cluster', 'file', 'scheme'],
  'token-file-unreadable': ['file'], // detail: the system error
  'not-exec-context': ['context'],
  // Exec credential plugins.
  'exec-untrusted': ['context', 'command'],
  'exec-command-changed': ['context', 'command'],
  'exec-not-found': ['command'], // detail: the kubeconfig's installHint
  'exec-start-failed': ['command'], // detail: the system error
  'exec-exit-code': ['command', 'code'], // detail: the end of its stderr (trimmed, tokens masked)
  'exec-killed': ['command'], // detail: the end of its stderr
  'exec-no-json': ['command'],
  'exec-no-status': ['command'],
  'exec-no-credential': ['command'],
  // Kubeconfig files (with `entry` and `line` where known).
  'kubeconfig-not-file': [],
  'kubeconfig-too-large': ['bytes'],
  'kubeconfig-unreadable': [], // detail: the system error
  'kubeconfig-yaml': [], // detail: the YAML parser's message
  'kubeconfig-not-kubeconfig': [],
  'kubeconfig-field-missing': ['field'],
  'kubeconfig-field-not-url': ['field', 'value'],
  'kubeconfig-field-not-http': ['field', 'scheme'],
  'kubeconfig-field-not-boolean': ['field'],
  'kubeconfig-field-not-string': ['field'],
  'kubeconfig-field-not-string-list': ['field'],
  'kubeconfig-field-not-mapping': ['field'],
  'kubeconfig-field-not-list': ['field'],
  'kubeconfig-exec-env': ['field'],
  'kubeconfig-entry-no-name': [],
  // Sessions (exec, logs, port-forward) over the contract.
  'session-not-found': [],
} as const satisfies Record<string, readonly string[]>;

export type MessageCode = keyof typeof MESSAGE_PARAMS;

/** Every message code, in one list (derived from MESSAGE_PARAMS). */
export const MESSAGE_CODES = Object.keys(MESSAGE_PARAMS) as MessageCode[];

/** Where in a file a message is about; any message may carry these. */
export interface LocationParams {
  entry?: string;
  line?: number;
}

type ParamsOf<C extends MessageCode> = { [K in (typeof MESSAGE_PARAMS)[C][number]]: string | number } & LocationParams;

/** A message for display: its id and exactly the parameters it takes (translated by the renderer). */
export type DisplayMessage = {
  [C in MessageCode]: (typeof MESSAGE_PARAMS)[C] extends readonly [] ? { code: C; params?: LocationParams } : { code: C; params: ParamsOf<C> };
}[MessageCode];

/** Values interpolated into a message: plain text and numbers only. */
export type MessageParams = Record<string, string | number>;

export interface ContractErrorData {
  code: ErrorCode;
  /** English, for logs and tests; people see `display` (and `detail`) in their language. */
  message: string;
  /** What to show, as a message id with parameters. Without it, the code alone is shown. */
  display?: DisplayMessage;
  /** Text that is not ours to translate (the API server's or a plugin's), shown verbatim. */
  detail?: string;
  /** HTTP status from the API server, when there was one. */
  status?: number;
  /** Extra structured details (e.g. the Kubernetes Status `details`, a file name). */
  details?: Record<string, unknown>;
}

export class ContractError extends Error implements ContractErrorData {
  readonly code: ErrorCode;
  readonly display?: DisplayMessage;
  readonly detail?: string;
  readonly status?: number;
  readonly details?: Record<string, unknown>;

  constructor(data: ContractErrorData) {
    super(data.message);
    this.name = 'ContractError';
    this.code = data.code;
    this.display = data.display;
    this.detail = data.detail;
    this.status = data.status;
    this.details = data.details;
  }

  toJSON(): ContractErrorData {
    const out: ContractErrorData = { code: this.code, message: this.message, status: this.status, details: this.details };
    if (this.display) out.display = this.display;
    if (this.detail !== undefined) out.detail = this.detail;
    return out;
  }
}

/** Turns anything thrown into plain error data that can cross the boundary. */
export function toErrorData(err: unknown): ContractErrorData {
  if (err instanceof ContractError) return err.toJSON();
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as { code: unknown; message: unknown };
    if (typeof e.code === 'string' && typeof e.message === 'string' && isErrorCode(e.code)) {
      const out: ContractErrorData = { code: e.code, message: e.message };
      const { display, detail } = err as { display?: unknown; detail?: unknown };
      if (isDisplayMessage(display)) out.display = display;
      if (typeof detail === 'string') out.detail = detail;
      return out;
    }
  }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled' };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

const CODES: ReadonlySet<string> = new Set<string>(ERROR_CODES);
const MESSAGES: ReadonlySet<string> = new Set<string>(MESSAGE_CODES);

function isErrorCode(code: string): code is ErrorCode {
  return CODES.has(code);
}

/** Whether a value is a well-formed DisplayMessage (a known code, flat text/number params). */
export function isDisplayMessage(v: unknown): v is DisplayMessage {
  if (!v || typeof v !== 'object') return false;
  const { code, params } = v as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !MESSAGES.has(code)) return false;
  if (params === undefined) return true;
  return !!params && typeof params === 'object' && !Array.isArray(params) && Object.values(params).every((p) => typeof p === 'string' || typeof p === 'number');
}

/** A ContractError whose display message is given; `message` is the English sentence for logs. */
export function displayError(code: ErrorCode, display: DisplayMessage, message: string, extra: Pick<ContractErrorData, 'detail' | 'status' | 'details'> = {}): ContractError {
  return new ContractError({ code, message, display, ...extra });
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
