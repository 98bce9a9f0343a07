/**
 * The label selector filter, kubectl syntax. While the typed text is invalid it shows where and
 * why in the UI language, with the parser's (English) detail beside it; the last valid selector
 * stays applied; the typed text goes to the URL as it is.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectorState } from '../../filters/listFilter';
import { selectorErrorLead } from '../../filters/selectorErrorText';

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
          {selectorErrorLead(t, text, error)} {t('list.selectorKeptHint')}
          <span className="field-error-detail" title={t('list.selectorErrorDetail')}>
            <span className="visually-hidden">{t('list.selectorErrorDetail')}: </span>
            <code lang="en">{error.problem}</code>
          </span>
        </p>
      )}
    </div>
  );
}
