/**
 * The label selector filter, kubectl syntax. While the typed text is invalid it shows where and
 * why in the UI language, with the parser's (English) detail beside it; the last valid selector
 * stays applied. Controlled: `text` is the typed text (the list view holds it, and settles it for
 * the server and the URL once typing pauses, or at once on Enter: `onCommit`).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelectorState } from '../../filters/listFilter';
import { selectorErrorLead } from '../../filters/selectorErrorText';

export interface SelectorInputProps {
  text: string;
  state: SelectorState;
  onChange: (next: string) => void;
  onCommit: () => void;
}

export function SelectorInput({ text, state, onChange, onCommit }: SelectorInputProps) {
  const { t } = useTranslation();
  const errorId = useId();
  const error = state.error;
  return (
    <div className="selector-field">
      <input
        type="text"
        className={`input mono${error ? ' invalid' : ''}`}
        value={text}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) onCommit();
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
