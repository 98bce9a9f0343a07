/**
 * The label selector filter, kubectl syntax. While the typed text is invalid it shows where and
 * why (the last valid selector stays applied); the typed text goes to the URL as it is.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectorState } from '../../filters/listFilter';

export function SelectorInput({ text, state, onChange }: { text: string; state: SelectorState; onChange: (next: string) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(text);
  const errorId = useId();
  // Follow external changes (a label chip was clicked, back/forward navigation).
  useEffect(() => setDraft(text), [text]);
  const error = state.error;
  return (
    <div className="selector-field">
      <input
        type="text"
        className={`input mono${error ? ' invalid' : ''}`}
        value={draft}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(e.target.value);
        }}
        placeholder={t('list.selectorPlaceholder')}
        aria-label={t('list.selector')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {t('list.selectorError', { position: error.position + 1, problem: error.problem })} {t('list.selectorKeptHint')}
        </p>
      )}
    </div>
  );
}
