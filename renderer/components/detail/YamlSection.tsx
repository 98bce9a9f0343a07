/**
 * The object as read-only YAML (managedFields dropped: noise, 42 % of a pod), shown as text.
 * A Secret arrives redacted from main: its values show as `<hidden: N bytes>`, and the note
 * points to the Data section, where each value can be revealed on its own.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import { base64DecodedLength, isRedactedSecretValue, isSecretObject, LAST_APPLIED_ANNOTATION, utf8Length } from '../../../app/kinds/secretRedaction';
import type { KubeObject } from '../../../app/kube/object';
import { CopyButton } from '../common/CopyButton';
import { Section } from './Section';

/** How redaction markers read in the YAML (translated by the caller). */
export interface HiddenTexts {
  value: (bytes: number) => string;
  lastApplied: string;
}

const ENGLISH: HiddenTexts = { value: (bytes) => `<hidden: ${bytes} bytes>`, lastApplied: '<hidden: may contain secret data>' };

function hideValues(values: unknown, texts: HiddenTexts, size: (v: string) => number): unknown {
  if (!values || typeof values !== 'object' || Array.isArray(values)) return {};
  // Anything that is not a marker is hidden too: the YAML never shows a Secret value.
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, texts.value(isRedactedSecretValue(v) ? v.bytes : typeof v === 'string' ? size(v) : 0)]));
}

export function yamlOf(obj: KubeObject, texts: HiddenTexts = ENGLISH): string {
  const { managedFields: _drop, ...metadata } = obj.metadata;
  let shown: KubeObject = { ...obj, metadata };
  if (isSecretObject(obj)) {
    shown = { ...shown };
    if (obj.data != null) shown.data = hideValues(obj.data, texts, base64DecodedLength);
    if (obj.stringData != null) shown.stringData = hideValues(obj.stringData, texts, utf8Length);
    const lastApplied = metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    if (lastApplied !== undefined) {
      // Hidden whatever main sent: the annotation is kubectl's copy of data/stringData.
      shown.metadata = { ...metadata, annotations: { ...metadata.annotations, [LAST_APPLIED_ANNOTATION]: texts.lastApplied } };
    }
  }
  return stringify(shown, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function YamlSection({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const secret = isSecretObject(obj);
  const text = useMemo(() => yamlOf(obj, { value: (bytes) => t('config.hiddenValue', { count: bytes }), lastApplied: t('config.hiddenLastApplied') }), [obj, t]);
  return (
    <Section title={t('detail.yaml')} actions={<CopyButton text={text} />}>
      {secret && <p className="muted">{t('config.yamlNote')}</p>}
      <pre className="yaml" tabIndex={0} aria-label={t('detail.yaml')}>
        {text}
      </pre>
    </Section>
  );
}
