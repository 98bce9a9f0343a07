/**
 * What the status bar and the hotbar say about one open cluster: its dot, and a line such as
 * "reconnecting · connection dropped · retry in 8 s" or "live · forbidden: pods is forbidden: …".
 */
import type { TFunction } from 'i18next';
import type { ClusterHealth } from '../../../app/contract/pilothouse';
import { errorText, messageText } from '../common/errorText';
import { reasonText } from '../common/reasonText';
import { healthDot, type HealthDot } from './clusterLook';
import type { StreamSummary } from './streamSummary';

export interface ClusterStatusInput {
  health: ClusterHealth;
  /** The streams this window observes (they carry reasons and retry times; health has counts only). */
  streams?: StreamSummary;
  /** The core (main process) is away: nothing we last heard is current. */
  coreDown: boolean;
}

export function clusterDot({ health, streams, coreDown }: ClusterStatusInput): HealthDot {
  if (coreDown) return 'reconnecting';
  if (health.state === 'failed') return 'failed';
  if (streams?.state === 'reconnecting') return 'reconnecting';
  return healthDot(health);
}

export interface ClusterStatusFormat {
  /** The soonest retry of a reconnecting stream, in words ("retry in 8 s"). */
  retry: (nextRetryAt: string) => string;
  /** A timestamp as local date and time. */
  time: (iso: string) => string;
  /** Add "3/4 streams live" (the status bar does; the hotbar's short label does not). */
  withCounts: boolean;
}

/** The parts of the cluster's status line, translated, in reading order. */
export function clusterStatusParts(t: TFunction, input: ClusterStatusInput, format: ClusterStatusFormat): string[] {
  const { health, streams, coreDown } = input;
  const dot = clusterDot(input);
  const parts: string[] = [];
  if (health.state === 'failed' && !coreDown) {
    parts.push(t('status.failed'));
    if (health.error) parts.push(errorText(t, health.error));
  } else if (dot === 'reconnecting') {
    parts.push(t('status.reconnecting'));
    if (coreDown) parts.push(t('status.reason.core-disconnected'));
    else if (streams?.state === 'reconnecting' && streams.reason) parts.push(reasonText(t, streams.reason));
    if (!coreDown && streams?.nextRetryAt) parts.push(format.retry(streams.nextRetryAt));
  } else {
    parts.push(t(dot === 'connecting' ? 'status.connecting' : 'status.live'));
  }
  const staleSince = streams?.staleSince ?? health.staleSince;
  if (staleSince && dot !== 'live') parts.push(t('status.staleSince', { time: format.time(staleSince) }));
  const problem = streams?.problem;
  if (problem && !coreDown && health.state !== 'failed') {
    const reason = reasonText(t, problem.reason);
    // The reason is already in words, so the API server's own sentence follows it as is; without
    // one, main's message (translated) says what happened.
    const message = problem.detail ?? (problem.display ? messageText(t, problem.display) : undefined);
    parts.push(message ? t('status.streamProblem', { reason, message }) : reason);
    if (problem.count > 1) parts.push(t('status.moreProblems', { count: problem.count - 1 }));
  }
  // Stream counts come from the core; while it is away they are not current.
  if (format.withCounts && !coreDown) parts.push(t('status.streamsLive', { live: health.streams.live, total: health.streams.total }));
  return parts;
}
