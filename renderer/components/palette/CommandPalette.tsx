/** Ctrl/Cmd+K: jump to a kind, an object, a namespace or a context (a modal combobox dialog). */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { routeContext, type Route } from '../../routing/routes';
import { useNavigate } from '../../routing/useRoute';
import { rankItems } from './paletteItems';
import { usePaletteItems } from './usePaletteItems';

export function CommandPalette({ route }: { route: Route }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const navigate = useNavigate();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const items = usePaletteItems(routeContext(route), open);
  const results = useMemo(() => rankItems(items, query), [items, query]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen((o) => !o);
        setQuery('');
        setActive(0);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    if (open) inputRef.current?.focus();
  }, [open]);

  if (!open) return null;
  const choose = (index: number) => {
    const item = results[index];
    if (!item) return;
    setOpen(false);
    navigate(item.route);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') setOpen(false);
    else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(results.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div className="palette-backdrop" onMouseDown={() => setOpen(false)}>
      <div className="palette" role="dialog" aria-modal="true" aria-label={t('palette.title')} onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKeyDown}>
        <input
          ref={inputRef}
          className="input palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={results[active] ? optionId(active) : undefined}
          aria-label={t('palette.title')}
          placeholder={t('palette.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
        />
        <ul className="palette-results" role="listbox" id={listId} aria-label={t('palette.resultsLabel')}>
          {results.length === 0 && <li className="muted">{t('empty.palette')}</li>}
          {results.map((item, i) => (
            <li
              key={`${item.group}:${item.label}:${item.detail ?? ''}:${i}`}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(i)}
            >
              <span className="palette-group">{t(`palette.group.${item.group}`)}</span>
              <span className="ellipsis palette-label">{item.label}</span>
              {item.detail && <span className="muted ellipsis palette-detail">{item.detail}</span>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
