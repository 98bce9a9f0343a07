/** The object as read-only YAML (managedFields dropped: noise, 42 % of a pod), shown as text. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { stringify } from 'yaml';
import type { KubeObject } from '../../../app/kube/object';
import { CopyButton } from '../common/CopyButton';
import { Section } from './Section';

export function yamlOf(obj: KubeObject): string {
  const { managedFields: _drop, ...metadata } = obj.metadata;
  return stringify({ ...obj, metadata }, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function YamlSection({ obj }: { obj: KubeObject }) {
  const { t } = useTranslation();
  const text = useMemo(() => yamlOf(obj), [obj]);
  return (
    <Section title={t('detail.yaml')} actions={<CopyButton text={text} />}>
      <pre className="yaml" tabIndex={0} aria-label={t('detail.yaml')}>
        {text}
      </pre>
    </Section>
  );
}
