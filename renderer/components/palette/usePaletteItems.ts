import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { contract, type WatchParams } from '../../../app/contract/pilothouse';
import { findKind, KINDS } from '../../../app/kinds/registry';
import type { ListState } from '../../../app/watch/reducer';
import { useContexts } from '../../bridge/useContexts';
import { useResources } from '../../bridge/useResources';
import { STREAM_KEY } from '../../bridge/streamQueries';
import { customKindId } from '../../kinds/listKind';
import { emptyFilters } from '../../routing/routes';
import type { PaletteItem } from './paletteItems';

/**
 * Everything the palette can jump to: views, kinds (built-in and this cluster's CRDs), contexts,
 * namespaces and objects — the latter two from lists already loaded (it never starts a watch).
 */
export function usePaletteItems(context: string | undefined, open: boolean): PaletteItem[] {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const contexts = useContexts().value?.contexts;
  const resources = useResources(context).data;
  return useMemo(() => {
    if (!open) return [];
    const items: PaletteItem[] = [{ group: 'view', label: t('settings.title'), route: { view: 'settings' } }, { group: 'view', label: t('picker.title'), route: { view: 'home' } }];
    if (context) {
      items.push({ group: 'view', label: t('nav.overview'), detail: context, route: { view: 'overview', context } });
      for (const k of KINDS) {
        items.push({ group: 'kind', label: t(k.titleKey), detail: k.kind, keywords: [k.id, k.kind, ...(k.shortNames ?? [])].join(' '), route: { view: 'list', context, kindId: k.id, filters: emptyFilters() } });
      }
      for (const r of resources ?? []) {
        if (!r.custom) continue;
        const id = customKindId(r);
        items.push({ group: 'kind', label: r.kind, detail: r.group, keywords: [id, ...(r.shortNames ?? [])].join(' '), route: { view: 'list', context, kindId: id, filters: emptyFilters() } });
      }
    }
    for (const c of contexts ?? []) items.push({ group: 'context', label: c.name, detail: c.sourceFile, route: { view: 'overview', context: c.name } });
    if (context) {
      const seenNs = new Set<string>();
      for (const q of queryClient.getQueryCache().findAll({ queryKey: [STREAM_KEY, contract.watchObjects.name] })) {
        const params = q.queryKey[2] as WatchParams;
        const state = q.state.data as ListState | undefined;
        // Events are many and short-lived: jumping to one is never what the palette is for.
        if (params.context !== context || !state || params.fieldSelector || params.ref.resource === 'events') continue;
        const kind = findKind({ group: params.ref.group, resource: params.ref.resource });
        const kindId = kind?.id ?? customKindId(params.ref);
        for (const o of state.items.values()) {
          const { name, namespace } = o.metadata;
          if (kind?.id === 'namespaces' && !seenNs.has(name)) {
            seenNs.add(name);
            items.push({ group: 'namespace', label: name, route: { view: 'list', context, kindId: 'pods', filters: { ...emptyFilters(), namespaces: [name] } } });
          }
          items.push({ group: 'object', label: name, detail: `${kind?.kind ?? params.ref.resource}${namespace ? ` · ${namespace}` : ''}`, route: { view: 'detail', context, kindId, namespace, name } });
        }
      }
    }
    return items;
  }, [open, context, contexts, resources, queryClient, t]);
}
