/**
 * Label key and value validation, as the API server does it
 * (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue).
 * Each function returns a list of problems; an empty list means valid.
 */

const QUALIFIED_NAME_MAX = 63;
const DNS_SUBDOMAIN_MAX = 253;
const LABEL_VALUE_MAX = 63;

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const NAME_RULE =
  'must consist of alphanumeric characters, "-", "_" or ".", and must start and end with an alphanumeric character';

/** Problems with a label key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
export function labelKeyProblems(key: string): string[] {
  const parts = key.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else if (prefix.length > DNS_SUBDOMAIN_MAX) problems.push(`prefix part must be no more than ${DNS_SUBDOMAIN_MAX} characters`);
    else if (!DNS1123_SUBDOMAIN.test(prefix)) {
      problems.push(
        'prefix part must be a lowercase DNS subdomain: lowercase alphanumeric characters, "-" or ".", starting and ending with an alphanumeric character',
      );
    }
  } else {
    return ['a qualified name must consist of an optional DNS subdomain prefix and "/" followed by a name (at most one "/")'];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > QUALIFIED_NAME_MAX) problems.push(`name part must be no more than ${QUALIFIED_NAME_MAX} characters`);
  else if (!QUALIFIED_NAME.test(name)) problems.push(`name part ${NAME_RULE}`);
  return problems;
}

/** Problems with a label value: empty, or at most 63 characters of the name alphabet. */
export function labelValueProblems(value: string): string[] {
  if (value.length > LABEL_VALUE_MAX) return [`must be no more than ${LABEL_VALUE_MAX} characters`];
  if (!LABEL_VALUE.test(value)) return [`must be empty or ${NAME_RULE.replace('must ', '')}`];
  return [];
}

export function isValidLabelKey(key: string): boolean {
  return labelKeyProblems(key).length === 0;
}

export function isValidLabelValue(value: string): boolean {
  return labelValueProblems(value).length === 0;
}
