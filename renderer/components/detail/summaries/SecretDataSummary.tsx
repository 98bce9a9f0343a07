/**
 * A Secret's keys, each masked until revealed. The object from main carries only redaction
 * markers (app/kinds/secretRedaction.ts); Reveal fetches that one key's value with
 * `revealSecret`, and Copy copies what was revealed. Values are untrusted text, shown in <pre>.
 */
import { useTranslation } from 'react-i18next';
import type { SecretKeyAddress } from '../../../../app/contract/pilothouse';
import { isRedactedSecretValue } from '../../../../app/kinds/secretRedaction';
import type { KubeObject } from '../../../../app/kube/object';
import { useRevealSecretValue } from '../../../bridge/useRevealSecretValue';
import { useFormat } from '../../../i18n/useFormat';
import { CopyButton } from '../../common/CopyButton';
import { errorText } from '../../common/errorText';
import { Section } from '../Section';

/** Each key of `data` with its decoded size (when main sent a redaction marker). */
export function secretKeys(obj: KubeObject): Array<{ key: string; bytes?: number }> {
  const data = obj.data && typeof obj.data === 'object' ? (obj.data as Record<string, unknown>) : {};
  return Object.entries(data).map(([key, value]) => ({ key, bytes: isRedactedSecretValue(value) ? value.bytes : undefined }));
}

export function SecretData({ context, obj }: { context: string; obj: KubeObject }) {
  const { t } = useTranslation();
  const keys = secretKeys(obj);
  const m = obj.metadata;
  return (
    <Section title={`${t('config.data')} · ${t('config.keys', { count: keys.length })}`}>
      <p className="muted">
        {t('config.secretType')}: <span className="mono">{String(obj.type ?? 'Opaque')}</span>
      </p>
      {keys.length === 0 && <p className="muted">{t('empty.data')}</p>}
      {m.namespace !== undefined &&
        keys.map(({ key, bytes }) => (
          // Keyed by object and resourceVersion too: another Secret, or a change to this one,
          // starts hidden rather than showing a value that belongs elsewhere or is out of date.
          <SecretValue key={`${context}/${m.uid}/${m.resourceVersion ?? ''}/${key}`} address={{ context, namespace: m.namespace!, name: m.name, key }} bytes={bytes} />
        ))}
    </Section>
  );
}

function SecretValue({ address, bytes }: { address: SecretKeyAddress; bytes?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { revealed, pending, error, reveal, hide } = useRevealSecretValue(address);
  const name = address.key;
  const shown = revealed !== undefined;
  return (
    <figure className="file secret">
      <figcaption>
        <span className="mono ellipsis" title={name}>
          {name}
        </span>
        {bytes !== undefined && <span className="muted">{fmt.bytes(String(bytes))}</span>}
        <button
          type="button"
          className="button small"
          aria-pressed={shown}
          aria-busy={pending}
          disabled={pending}
          aria-label={`${shown ? t('action.hide') : t('action.reveal')}: ${name}`}
          onClick={() => (shown ? hide() : reveal())}
        >
          {shown ? t('action.hide') : pending ? t('config.revealing') : t('action.reveal')}
        </button>
        {shown && <CopyButton text={revealed.value} label={name} />}
      </figcaption>
      {error && (
        <p className="field-error" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {shown ? (
        <>
          {revealed.encoding === 'base64' && <p className="muted">{t('config.notUtf8')}</p>}
          <pre className="file-body" tabIndex={0} aria-label={name}>
            {revealed.value}
          </pre>
        </>
      ) : (
        <p className="masked" aria-label={t('config.masked')}>
          ••••••••
        </p>
      )}
    </figure>
  );
}
