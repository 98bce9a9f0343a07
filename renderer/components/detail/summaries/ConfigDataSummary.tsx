/**
 * ConfigMap data as files, Secret values masked until revealed (base64-decoded, copyable).
 * All values are untrusted text: shown in <pre> as text, never interpreted.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { useFormat } from '../../../i18n/useFormat';
import { CopyButton } from '../../common/CopyButton';
import { Section } from '../Section';

/** Decodes a Secret value (base64 of arbitrary bytes) as UTF-8; undefined if it is not base64. */
export function decodeSecretValue(b64: string): string | undefined {
  try {
    const binary = atob(b64);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function ConfigMapData({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const data = Object.entries((obj.data ?? {}) as Record<string, string>);
  const binary = Object.entries((obj.binaryData ?? {}) as Record<string, string>);
  return (
    <Section title={`${t('config.data')} · ${t('config.keys', { count: data.length + binary.length })}`}>
      {data.length + binary.length === 0 && <p className="muted">{t('empty.data')}</p>}
      {data.map(([key, value]) => (
        <figure className="file" key={key}>
          <figcaption>
            <span className="mono ellipsis" title={key}>
              {key}
            </span>
            <span className="muted">{fmt.bytes(String(new TextEncoder().encode(value).length))}</span>
            <CopyButton text={value} label={key} />
          </figcaption>
          <pre className="file-body" tabIndex={0} aria-label={key}>
            {value}
          </pre>
        </figure>
      ))}
      {binary.map(([key, value]) => (
        <figure className="file" key={key}>
          <figcaption>
            <span className="mono ellipsis" title={key}>
              {key}
            </span>
            <span className="muted">
              {t('config.binaryData')} · {fmt.bytes(String(Math.floor((value.length * 3) / 4)))}
            </span>
          </figcaption>
        </figure>
      ))}
    </Section>
  );
}

export function SecretData({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const data = Object.entries((obj.data ?? {}) as Record<string, string>);
  return (
    <Section title={`${t('config.data')} · ${t('config.keys', { count: data.length })}`}>
      <p className="muted">
        {t('config.secretType')}: <span className="mono">{String(obj.type ?? 'Opaque')}</span>
      </p>
      {data.length === 0 && <p className="muted">{t('empty.data')}</p>}
      {data.map(([key, value]) => (
        <SecretValue key={key} name={key} encoded={value} />
      ))}
    </Section>
  );
}

function SecretValue({ name, encoded }: { name: string; encoded: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const decoded = shown ? decodeSecretValue(encoded) : undefined;
  return (
    <figure className="file secret">
      <figcaption>
        <span className="mono ellipsis" title={name}>
          {name}
        </span>
        <button type="button" className="button small" aria-pressed={shown} aria-label={`${shown ? t('action.hide') : t('action.reveal')}: ${name}`} onClick={() => setShown((s) => !s)}>
          {shown ? t('action.hide') : t('action.reveal')}
        </button>
        {shown && <CopyButton text={decoded ?? encoded} label={name} />}
      </figcaption>
      {shown ? (
        <>
          {decoded === undefined && <p className="muted">{t('config.notBase64')}</p>}
          <pre className="file-body" tabIndex={0} aria-label={name}>
            {decoded ?? encoded}
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
