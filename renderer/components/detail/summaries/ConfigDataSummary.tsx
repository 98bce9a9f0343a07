/**
 * ConfigMap data as files (Secrets: SecretDataSummary.tsx).
 * All values are untrusted text: shown in <pre> as text, never interpreted.
 */
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../../app/kube/object';
import { useFormat } from '../../../i18n/useFormat';
import { CopyButton } from '../../common/CopyButton';
import { Section } from '../Section';

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
