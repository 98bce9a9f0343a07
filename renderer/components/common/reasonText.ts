/**
 * A stream's state in words: `reasonText` is the short label of a machine reason
 * ("connection-dropped" → "connection dropped"), `streamStatusText` the full sentence main sent
 * (its message id and parameters, plus the API server's own text verbatim).
 */
import type { TFunction } from 'i18next';
import { STREAM_REASONS, type StreamStatus } from '../../../app/watch/types';
import { messageText } from './errorText';

/** Reasons the renderer gives itself (its link to the core, a stream that ended). */
export const RENDERER_REASONS = ['core-disconnected', 'ended'] as const;

/** Every reason that has a label in the catalogs (`status.reason.<reason>`). */
export const LABELLED_REASONS: readonly string[] = [...STREAM_REASONS, ...RENDERER_REASONS];

const KNOWN: ReadonlySet<string> = new Set(LABELLED_REASONS);

export function reasonText(t: TFunction, reason: string): string {
  if (KNOWN.has(reason)) return t(`status.reason.${reason}`);
  // A reason from a newer core: shown as it is, rather than as a missing key.
  return t('status.reason.other', { reason });
}

/** The full explanation of a stream status, or its reason label when main sent no message. */
export function streamStatusText(t: TFunction, status: Pick<StreamStatus, 'reason' | 'display' | 'detail'>): string {
  if (status.display) return messageText(t, status.display, status.detail);
  return status.reason ? reasonText(t, status.reason) : '';
}
