/** Name, namespace, uid, creation (age and time), owners, labels and annotations (as text chips). */
import { useTranslation } from 'react-i18next';
import { isSecretObject, LAST_APPLIED_ANNOTATION } from '../../../app/kinds/secretRedaction';
import type { KubeObject } from '../../../app/kube/object';
import { useFormat } from '../../i18n/useFormat';
import { LabelChips } from '../common/LabelChips';
import { useNow } from '../common/useNow';
import { OwnerChain } from './OwnerChain';
import { Facts, Section } from './Section';

export function MetadataSection({ context, obj, onPickLabel }: { context: string; obj: KubeObject; onPickLabel: (k: string, v: string) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const now = useNow(10_000, obj);
  const m = obj.metadata;
  // A Secret's last-applied copy holds its values: main sends a marker instead, shown translated.
  const annotations =
    isSecretObject(obj) && m.annotations?.[LAST_APPLIED_ANNOTATION] !== undefined ? { ...m.annotations, [LAST_APPLIED_ANNOTATION]: t('config.hiddenLastApplied') } : m.annotations;
  return (
    <Section title={t('detail.metadata')}>
      <Facts
        items={[
          [t('detail.name'), <span className="mono">{m.name}</span>],
          m.namespace !== undefined && [t('detail.namespace'), <span className="mono">{m.namespace}</span>],
          [t('detail.uid'), <span className="mono">{m.uid}</span>],
          m.creationTimestamp !== undefined && [
            t('detail.created'),
            <time dateTime={m.creationTimestamp}>{t('detail.createdValue', { ago: fmt.ago(m.creationTimestamp, now), time: fmt.time(m.creationTimestamp) })}</time>,
          ],
          m.deletionTimestamp !== undefined && [t('detail.deleting', { time: fmt.time(m.deletionTimestamp) }), '⚠'],
          (m.ownerReferences?.length ?? 0) > 0 && [t('detail.owners'), <OwnerChain context={context} obj={obj} />],
          (m.finalizers?.length ?? 0) > 0 && [t('detail.finalizers'), <span className="mono">{m.finalizers!.join(', ')}</span>],
        ]}
      />
      <h3>{t('chip.labels')}</h3>
      {Object.keys(m.labels ?? {}).length ? (
        <LabelChips labels={m.labels} onPick={onPickLabel} label={t('chip.labels')} />
      ) : (
        <p className="muted">{t('empty.data')}</p>
      )}
      <h3>{t('chip.annotations')}</h3>
      {Object.keys(annotations ?? {}).length ? (
        <LabelChips labels={annotations} label={t('chip.annotations')} />
      ) : (
        <p className="muted">{t('empty.data')}</p>
      )}
    </Section>
  );
}
