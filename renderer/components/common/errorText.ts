/**
 * Errors and problems from main in the user's language. Main sends a message id with parameters
 * (`display`, see MESSAGE_CODES in app/contract/errors.ts) and, apart, text that is not ours to
 * translate (`detail`: the API server's message, a plugin's stderr), which is shown verbatim.
 */
import type { TFunction } from 'i18next';
import { MESSAGE_CODES, type ContractErrorData, type DisplayMessage, type ErrorCode } from '../../../app/contract/errors';
import type { KubeconfigProblem } from '../../../app/contract/pilothouse';

const MESSAGES: ReadonlySet<string> = new Set(MESSAGE_CODES);

/**
 * One message: `message.<code>` with its parameters, then the location parameters every message
 * may carry (`entry`, `line`) and the verbatim detail around it.
 */
export function messageText(t: TFunction, display: DisplayMessage, detail?: string): string {
  const { entry, line, ...params } = display.params ?? {};
  // A bare code with the server's words reads best as one sentence ("Access denied: pods is forbidden…").
  const lead = DETAIL_LEADS[display.code];
  if (lead && detail && entry === undefined && line === undefined) return t(lead, { message: detail });
  let text = MESSAGES.has(display.code) ? t(`message.${display.code}`, params) : t('message.unknown', { code: display.code });
  if (line !== undefined) text = t('message.atLine', { message: text, line });
  if (entry !== undefined) text = t('message.inEntry', { message: text, entry });
  if (detail) text = t('message.withDetail', { message: text, detail });
  return text;
}

/** Codes whose message leads straight into the detail (`error.*`: "Access denied: {{message}}"). */
const DETAIL_LEADS: Partial<Record<string, string>> = {
  forbidden: 'error.forbidden',
  'not-found': 'error.notFound',
  unauthorized: 'error.unauthorized',
  unreachable: 'error.unreachable',
  kubeconfig: 'error.kubeconfig',
  internal: 'error.generic',
};

/** Any error that crossed the contract (or was made in the renderer) as a sentence. */
export function errorText(t: TFunction, err: unknown): string {
  const data = asErrorData(err);
  if (data.display) return messageText(t, data.display, data.detail);
  // No message id (an error made on this side, or by code that gives only a code): the code in
  // words, with the English sentence as detail so nothing is lost.
  const detail = data.code === 'cancelled' ? undefined : (data.detail ?? (data.message || undefined));
  if (MESSAGES.has(data.code)) return messageText(t, { code: data.code }, detail);
  // Callers sometimes pass a stream reason as the code ("stalled"): its label, else "internal".
  const label = t(`status.reason.${data.code}`, { defaultValue: '' });
  if (label) return detail ? t('message.withDetail', { message: label, detail }) : label;
  return messageText(t, { code: 'internal' }, detail);
}

/** A kubeconfig file's problem (the file itself is shown beside it). */
export function problemText(t: TFunction, problem: KubeconfigProblem): string {
  if (problem.display) return messageText(t, problem.display, problem.detail);
  return messageText(t, { code: 'kubeconfig' }, problem.message);
}

export function asErrorData(err: unknown): ContractErrorData {
  if (err && typeof err === 'object' && 'code' in err && 'message' in err) {
    const e = err as ContractErrorData;
    // The code is kept even when it is not an ErrorCode (callers pass stream reasons too).
    const data: ContractErrorData = { code: String(e.code) as ErrorCode, message: String(e.message), status: e.status };
    if (e.display && typeof e.display === 'object' && typeof e.display.code === 'string') data.display = e.display;
    if (typeof e.detail === 'string') data.detail = e.detail;
    return data;
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
