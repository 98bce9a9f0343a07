/** The list's filters: namespaces, label selector, free text, and a way to clear them. */
import { useTranslation } from 'react-i18next';
import type { SelectorState } from '../../filters/listFilter';
import type { ListFilters } from '../../routing/routes';
import { NamespaceSelect } from './NamespaceSelect';
import { SearchInput } from './SearchInput';
import { SelectorInput } from './SelectorInput';

export interface ListToolbarProps {
  context: string;
  namespaced: boolean;
  /** The filters as shown: the selector is the typed text, which may not have settled yet. */
  filters: ListFilters;
  selector: SelectorState;
  /** Applies filters at once (a selector given here is not debounced). */
  onChange: (next: Partial<ListFilters>) => void;
  /** A keystroke in the selector field. */
  onSelectorInput: (text: string) => void;
  /** Enter in the selector field: apply the typed selector now. */
  onSelectorCommit: () => void;
  wide: boolean;
  onWideChange: (wide: boolean) => void;
}

export function ListToolbar({ context, namespaced, filters, selector, onChange, onSelectorInput, onSelectorCommit, wide, onWideChange }: ListToolbarProps) {
  const { t } = useTranslation();
  const any = filters.namespaces.length > 0 || filters.selector !== '' || filters.query !== '';
  return (
    <div className="toolbar" role="search" aria-label={t('list.filtersLabel')}>
      {namespaced && <NamespaceSelect context={context} selected={filters.namespaces} onChange={(namespaces) => onChange({ namespaces })} />}
      <SelectorInput text={filters.selector} state={selector} onChange={onSelectorInput} onCommit={onSelectorCommit} />
      <SearchInput value={filters.query} onChange={(query) => onChange({ query })} />
      <button type="button" className="button" aria-pressed={wide} onClick={() => onWideChange(!wide)} title={t('list.wideHint')}>
        {t('list.wide')}
      </button>
      {any && (
        <button type="button" className="button" onClick={() => onChange({ namespaces: [], selector: '', query: '' })}>
          {t('list.clearFilters')}
        </button>
      )}
    </div>
  );
}
