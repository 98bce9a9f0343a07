/** Command palette entries and their ranking (pure). */
import type { Route } from '../../routing/routes';

export type PaletteGroup = 'view' | 'kind' | 'object' | 'namespace' | 'context';

export interface PaletteItem {
  group: PaletteGroup;
  /** What is shown and matched (cluster names: untrusted text, rendered as text). */
  label: string;
  /** Secondary text (namespace, kind…). */
  detail?: string;
  /** Extra words that match (short names, kind id). */
  keywords?: string;
  route: Route;
}

/**
 * Ranks items for a query: prefix matches of the label first, then word-start matches, then
 * substring matches (label or keywords); each group keeps its order. Empty query: first items.
 */
export function rankItems(items: readonly PaletteItem[], query: string, limit = 50): PaletteItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return items.slice(0, limit);
  const buckets: PaletteItem[][] = [[], [], []];
  for (const item of items) {
    const label = item.label.toLowerCase();
    if (label.startsWith(q)) buckets[0].push(item);
    else if (label.split(/[-_./\s]/).some((w) => w.startsWith(q))) buckets[1].push(item);
    else if (label.includes(q) || (item.keywords?.toLowerCase().includes(q) ?? false) || (item.detail?.toLowerCase().includes(q) ?? false)) {
      buckets[2].push(item);
    }
    if (buckets[0].length >= limit) break;
  }
  return buckets.flat().slice(0, limit);
}
