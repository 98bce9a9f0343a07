/** Overview of one cluster: nodes and pods by state, workloads off target, warnings, recent changes. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchParams } from '../../../app/contract/pilothouse';
import { useStateCounts } from '../../bridge/useStateCounts';
import { useWatchList } from '../../bridge/useWatchList';
import { useFormat } from '../../i18n/useFormat';
import { emptyFilters, formatRoute } from '../../routing/routes';
import { StreamBadge } from '../common/StreamBadge';
import { EventList } from './EventList';
import { latestEvents, withKind, workloadsOffTarget } from './overviewData';
import { OffTargetTable } from './OffTargetTable';
import { StateCounts } from './StateCounts';

const ref = (group: string, resource: string) => ({ group, version: 'v1', resource });

export function OverviewView({ context }: { context: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const w = (r: ReturnType<typeof ref>): WatchParams => ({ context, ref: r });
  // Counted in main: the Overview never holds every pod of the cluster.
  const nodes = useStateCounts(w(ref('', 'nodes'))).value;
  const pods = useStateCounts(w(ref('', 'pods'))).value;
  const deployments = useWatchList(w(ref('apps', 'deployments')));
  const statefulSets = useWatchList(w(ref('apps', 'statefulsets')));
  const daemonSets = useWatchList(w(ref('apps', 'daemonsets')));
  const events = useWatchList(w(ref('', 'events')));

  const offTarget = useMemo(
    () =>
      workloadsOffTarget([
        ...withKind(deployments.items.values(), 'Deployment'),
        ...withKind(statefulSets.items.values(), 'StatefulSet'),
        ...withKind(daemonSets.items.values(), 'DaemonSet'),
      ]),
    [deployments.items, statefulSets.items, daemonSets.items],
  );
  const warnings = useMemo(() => latestEvents(events.items.values(), 12, 'Warning'), [events.items]);
  const recent = useMemo(() => latestEvents(events.items.values(), 12, 'Normal'), [events.items]);
  const listHref = (kindId: string) => formatRoute({ view: 'list', context, kindId, filters: emptyFilters() });

  return (
    <section className="overview" aria-labelledby="overview-title">
      <header className="view-header">
        <h1 id="overview-title">
          {t('overview.title')} <span className="muted ellipsis">{context}</span>
        </h1>
        <StreamBadge status={pods?.status} hasData={pods?.synced ?? false} />
      </header>
      <div className="overview-grid">
        <StateCounts
          title={t('overview.nodes')}
          href={listHref('nodes')}
          total={fmt.count(nodes?.total ?? 0)}
          counts={nodes?.counts ?? []}
          loading={!nodes?.synced}
        />
        <StateCounts
          title={t('overview.pods')}
          href={listHref('pods')}
          total={fmt.count(pods?.total ?? 0)}
          counts={pods?.counts ?? []}
          loading={!pods?.synced}
        />
        <OffTargetTable context={context} items={offTarget} loading={!deployments.synced} />
        <EventList context={context} title={t('overview.warnings')} events={warnings} empty={t('empty.warnings')} loading={!events.synced} />
        <EventList context={context} title={t('overview.recentChanges')} events={recent} empty={t('empty.changes')} loading={!events.synced} />
      </div>
    </section>
  );
}
