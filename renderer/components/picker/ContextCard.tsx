/** One context in the picker: where it comes from, how it authenticates, and what to do with it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contract, type ClusterHealth, type ContextInfo } from '../../../app/contract/pilothouse';
import { useClient } from '../../bridge/ClientContext';
import { useNavigate } from '../../routing/useRoute';
import { errorText } from '../common/errorText';

export function ContextCard({ info, health }: { info: ContextInfo; health: ClusterHealth | undefined }) {
  const { t } = useTranslation();
  const client = useClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const open = health !== undefined;
  const needsTrust = info.authKind === 'exec' && !info.execTrusted;

  const connect = async (trust: boolean) => {
    setBusy(true);
    setError(undefined);
    try {
      if (trust && info.execCommand) await client.call(contract.trustExecPlugin, { context: info.name, command: info.execCommand });
      await client.call(contract.connectCluster, { context: info.name });
      navigate({ view: 'overview', context: info.name });
    } catch (err) {
      setError(t('error.connectFailed', { message: errorText(t, err) }));
    } finally {
      setBusy(false);
    }
  };
  const disconnect = () => {
    void client.call(contract.disconnectCluster, { context: info.name }).catch((err) => setError(errorText(t, err)));
  };

  return (
    <li className="context-card" aria-label={info.name}>
      <div className="context-card-head">
        <h2 className="ellipsis" title={info.name}>
          {info.name}
        </h2>
        {info.current && <span className="badge">{t('picker.current')}</span>}
        {info.demo && <span className="badge badge-accent">{t('picker.demo')}</span>}
      </div>
      <dl className="facts">
        <dt>{t('picker.source')}</dt>
        <dd className="ellipsis" title={info.sourceFile}>
          <code>{info.sourceFile}</code>
        </dd>
        <dt>{t('picker.server')}</dt>
        <dd className="ellipsis" title={info.server}>
          <code>{info.server}</code>
        </dd>
        <dt>{t('picker.auth')}</dt>
        <dd>{t(`auth.${info.authKind}`)}</dd>
        {info.namespace && (
          <>
            <dt>{t('picker.namespace')}</dt>
            <dd>{info.namespace}</dd>
          </>
        )}
      </dl>
      {needsTrust && (
        <div className="trust" role="group" aria-label={t('picker.trustTitle')}>
          <p>
            <strong>{t('picker.trustTitle')}</strong> {t('picker.trustExplain')}
          </p>
          <pre className="command">{info.execCommand}</pre>
        </div>
      )}
      <div className="context-card-actions">
        {open ? (
          <>
            <a className="button primary" href={`#/c/${encodeURIComponent(info.name)}/overview`}>
              {t('picker.open')}
            </a>
            <button type="button" className="button" onClick={disconnect}>
              {t('picker.disconnect')}
            </button>
          </>
        ) : needsTrust ? (
          <button type="button" className="button danger" disabled={busy} onClick={() => void connect(true)}>
            {busy ? t('picker.connecting') : t('picker.trustConnect')}
          </button>
        ) : (
          <button type="button" className="button primary" disabled={busy} onClick={() => void connect(false)}>
            {busy ? t('picker.connecting') : t('picker.connect')}
          </button>
        )}
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
