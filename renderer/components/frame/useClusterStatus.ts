/** Hooks behind the status bar and the hotbar: every open cluster's status, and one cluster's line. */
import { useTranslation } from 'react-i18next';
import { useClusterHealth } from '../../bridge/useClusterHealth';
import { useCoreConnection } from '../../bridge/useCoreConnection';
import { useFormat } from '../../i18n/useFormat';
import { useCountdown } from '../common/useCountdown';
import type { HealthDot } from './clusterLook';
import { clusterDot, clusterStatusParts, type ClusterStatusInput } from './clusterStatus';
import { summariseStreams } from './streamSummary';
import { useObservedStreams } from './useObservedStreams';

/** Each open cluster's health with the streams this window observes, and whether the core is away. */
export function useClusterStatuses(): ClusterStatusInput[] {
  const health = useClusterHealth().value ?? [];
  const observed = useObservedStreams();
  // While the core is away, the last health we heard is not news.
  const coreDown = useCoreConnection().state !== 'connected';
  return health.map((h) => ({ health: h, streams: summariseStreams(observed.get(h.context) ?? []), coreDown }));
}

export interface ClusterStatusLine {
  dot: HealthDot;
  /** As shown, with the ticking retry countdown ("retry in 8 s"). */
  text: string;
  /** For assistive technology: the retry as a clock time, so it does not change every second. */
  steady: string;
}

/** One cluster's dot and status line ("reconnecting · connection dropped · retry in 8 s"). */
export function useClusterStatusLine(input: ClusterStatusInput, withCounts: boolean): ClusterStatusLine {
  const { t } = useTranslation();
  const fmt = useFormat();
  const retrySeconds = useCountdown(input.streams?.nextRetryAt);
  const line = (retry: (at: string) => string) => clusterStatusParts(t, input, { retry, time: fmt.time, withCounts }).join(' · ');
  return {
    dot: clusterDot(input),
    text: line(() => t('status.retryIn', { seconds: retrySeconds })),
    steady: line((at) => t('status.retryAt', { time: fmt.clock(at) })),
  };
}
