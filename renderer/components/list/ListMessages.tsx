/** Loading, empty and error states of a list (the table itself stays when data is stale). */
import { useTranslation } from 'react-i18next';
import type { StreamStatus } from '../../../app/watch/types';
import { errorText } from '../common/errorText';

export interface ListMessagesProps {
  kindTitle: string;
  status: StreamStatus | undefined;
  loaded: boolean;
  rows: number;
  /** Whether filters hide objects (changes the empty message). */
  filtered: boolean;
  /** When access to all namespaces is forbidden: a namespace to try instead (the context's default). */
  suggestNamespace?: string;
  onPickNamespace?: (namespace: string) => void;
}

export function ListMessages({ kindTitle, status, loaded, rows, filtered, suggestNamespace, onPickNamespace }: ListMessagesProps) {
  const { t } = useTranslation();
  if (status?.state === 'failed') {
    return (
      <div className="error-state" role="alert">
        <h2>{t('error.title', { kind: kindTitle })}</h2>
        <p>{errorText(t, { code: status.reason ?? 'internal', message: status.message ?? '', display: status.display, detail: status.detail })}</p>
        {status.reason === 'forbidden' && suggestNamespace && onPickNamespace && (
          <p className="error-hint">
            {t('error.forbiddenHint')}{' '}
            <button type="button" className="button small" onClick={() => onPickNamespace(suggestNamespace)}>
              {t('error.tryNamespace', { namespace: suggestNamespace })}
            </button>
          </p>
        )}
      </div>
    );
  }
  if (!loaded) {
    return (
      <p className="loading" role="status">
        {t('list.loadingRows', { kind: kindTitle })}
      </p>
    );
  }
  if (rows === 0) {
    return (
      <p className="empty" role="status">
        {filtered ? t('empty.list', { kind: kindTitle }) : t('empty.listNoFilters', { kind: kindTitle })}
      </p>
    );
  }
  return null;
}
