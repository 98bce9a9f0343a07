/** A stream's machine reason ("connection-dropped") as words; unknown reasons are shown as they are. */
import type { TFunction } from 'i18next';

const KNOWN = new Set([
  'core-disconnected',
  'connection-dropped',
  'gone',
  'forbidden',
  'stalled',
  'unreachable',
  'unauthorized',
  'too-many-requests',
  'server-error',
  'not-found',
  'invalid',
  'bad-request',
]);

export function reasonText(t: TFunction, reason: string): string {
  return KNOWN.has(reason) ? t(`status.reason.${reason}`) : reason;
}
