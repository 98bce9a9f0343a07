/** Namespace multi-select fed by a live Namespaces watch; empty selection = all namespaces. */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWatchList } from '../../bridge/useWatchList';

const NAMESPACES = { group: '', version: 'v1', resource: 'namespaces' };

export function NamespaceSelect({ context, selected, onChange }: { context: string; selected: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const list = useWatchList({ context, ref: NAMESPACES });
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState('');
  const rootRef = useRef<HTMLDivElement>(null);
  const popupId = useId();
  const names = useMemo(() => {
    const all = new Set([...list.items.values()].map((o) => o.metadata.name));
    for (const s of selected) all.add(s); // A bookmarked namespace stays visible even if gone.
    return [...all].sort();
  }, [list.items, selected]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const summary =
    selected.length === 0 ? t('ns.all') : selected.length === 1 ? selected[0] : t('ns.selected', { count: selected.length });
  const needle = filter.trim().toLowerCase();
  const toggle = (name: string) =>
    onChange(selected.includes(name) ? selected.filter((s) => s !== name) : [...selected, name].sort());

  return (
    <div className="ns-select" ref={rootRef} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="button ns-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={popupId}
        aria-label={`${t('ns.label')}: ${summary}`}
        title={selected.join(', ') || summary}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="ellipsis">{summary}</span>
        <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="popover" id={popupId} role="group" aria-label={t('ns.label')}>
          <input
            type="search"
            className="input"
            autoFocus
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t('ns.filter')}
            aria-label={t('ns.filter')}
          />
          <button type="button" className="button small" onClick={() => onChange([])} disabled={selected.length === 0}>
            {t('ns.clear')}
          </button>
          <ul className="ns-options">
            {names.length === 0 && <li className="muted">{t('ns.none')}</li>}
            {names
              .filter((n) => !needle || n.toLowerCase().includes(needle))
              .map((n) => (
                <li key={n}>
                  <label className="checkbox">
                    <input type="checkbox" checked={selected.includes(n)} onChange={() => toggle(n)} />
                    <span className="ellipsis" title={n}>
                      {n}
                    </span>
                  </label>
                </li>
              ))}
          </ul>
        </div>
      )}
    </div>
  );
}
