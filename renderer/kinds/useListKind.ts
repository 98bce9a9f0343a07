import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResourceInfo } from '../../app/contract/pilothouse';
import { columnsForCustomResource, kindById } from '../../app/kinds/registry';
import type { ColumnDef, ResourceKindInfo } from '../../app/kinds/types';
import { useResources } from '../bridge/useResources';
import { rowNow } from '../i18n/relativeAge';
import { customKindId, type ListColumn, type ListKind } from './listKind';

/**
 * Resolves a route's kind id: built-in kinds from the registry (translated titles), custom
 * resources from the cluster's discovery (their printer columns; names are the CRD's own).
 */
export function useListKind(context: string, kindId: string): { kind?: ListKind; loading: boolean } {
  const { t } = useTranslation();
  const builtin = kindById(kindId);
  const resources = useResources(builtin ? undefined : context);
  const kind = useMemo((): ListKind | undefined => {
    if (builtin) return fromRegistry(builtin, t);
    const info = resources.data?.find((r) => r.custom && customKindId(r) === kindId);
    return info ? fromDiscovery(info, t) : undefined;
  }, [builtin, resources.data, kindId, t]);
  return { kind, loading: !builtin && resources.isLoading };
}

type T = (key: string) => string;

/** What app/format prints for a time ahead of `now` (kubectl's word for it). */
const FUTURE_AGE = '<invalid>';

/**
 * A registry column for the table. Its `now` is never before the object's creation: with the
 * server's clock ahead of ours, a new object's AGE would otherwise read kubectl's "<invalid>".
 * Other times of the object (an event's LAST SEEN, a pod's last restart) can be newer than its
 * creation: an age ahead of our clock reads "0s" there too — the operator needs "just now", not
 * a word about clock skew. (app/format has no clamping option; this is the one place that asks.)
 */
function column(c: ColumnDef, t: T): ListColumn {
  const sortValue = c.sortValue;
  return {
    id: c.id,
    title: c.title ?? t(c.titleKey),
    value: (obj, now) => {
      const v = c.value(obj, rowNow(obj.metadata.creationTimestamp, now));
      return typeof v === 'string' && v.includes(FUTURE_AGE) ? v.replaceAll(FUTURE_AGE, '0s') : v;
    },
    sortValue: sortValue && ((obj, now) => sortValue(obj, rowNow(obj.metadata.creationTimestamp, now))),
    numeric: c.numeric,
    wide: c.wide,
    isProblem: c.isProblem,
  };
}

export function fromRegistry(k: ResourceKindInfo, t: T): ListKind {
  return {
    id: k.id,
    kind: k.kind,
    ref: { group: k.group, version: k.version, resource: k.resource },
    namespaced: k.namespaced,
    title: t(k.titleKey),
    columns: k.columns.map((c) => column(c, t)),
    custom: false,
  };
}

export function fromDiscovery(info: ApiResourceInfo, t: T): ListKind {
  return {
    id: customKindId(info),
    kind: info.kind,
    ref: { group: info.group, version: info.version, resource: info.resource },
    namespaced: info.namespaced,
    title: info.kind,
    columns: columnsForCustomResource(info.printerColumns, info.namespaced).map((c) => column(c, t)),
    custom: true,
  };
}
