/**
 * Validation producing the same 422 `Invalid` Status a real apiserver sends (message format,
 * details.causes). Covers names and the required fields users actually trip over.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { ApiError, type KubeObject, type ResourceType } from '../types';
import { labelSelectorFromObject, matchLabels } from '../store/selectors';

export interface FieldError {
  type: 'FieldValueRequired' | 'FieldValueInvalid' | 'FieldValueNotSupported' | 'FieldValueForbidden' | 'FieldValueDuplicate' | 'FieldValueTooLong';
  field: string;
  /** Text after "field: " in the message, e.g. `Required value` or `Invalid value: "x": …`. */
  detail: string;
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

export const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const dns1035Msg =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

const required = (field: string, extra?: string): FieldError => ({ type: 'FieldValueRequired', field, detail: extra ? `Required value: ${extra}` : 'Required value' });
const invalid = (field: string, value: unknown, why: string): FieldError => ({
  type: 'FieldValueInvalid',
  field,
  detail: `Invalid value: ${typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value)}: ${why}`,
});

/** Kinds whose names must be DNS-1123 labels (≤63) rather than subdomains. */
const labelNamed = new Set(['Namespace']);
const dns1035Named = new Set(['Service']);

function checkName(kind: string, name: string, field: string, errs: FieldError[]): void {
  if (dns1035Named.has(kind)) {
    if (!DNS1035_LABEL.test(name) || name.length > 63) errs.push(invalid(field, name, dns1035Msg));
  } else if (labelNamed.has(kind)) {
    if (!DNS1123_LABEL.test(name) || name.length > 63) errs.push(invalid(field, name, labelMsg));
  } else if (kind === 'ClusterRole' || kind === 'Role' || kind === 'RoleBinding' || kind === 'ClusterRoleBinding') {
    // RBAC names are path segments: anything without '/' or '%'.
    if (/[/%]/.test(name) || name === '.' || name === '..') errs.push(invalid(field, name, `may not contain '/' or '%'`));
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    errs.push(invalid(field, name, subdomainMsg));
  }
}

function checkContainers(list: any, path: string, errs: FieldError[], requiredList: boolean): void {
  if (!Array.isArray(list) || list.length === 0) {
    if (requiredList) errs.push(required(path));
    return;
  }
  const seen = new Set<string>();
  list.forEach((c: any, i: number) => {
    const p = `${path}[${i}]`;
    if (!c?.name) errs.push(required(`${p}.name`));
    else if (!DNS1123_LABEL.test(c.name)) errs.push(invalid(`${p}.name`, c.name, labelMsg));
    else if (seen.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, detail: `Duplicate value: ${JSON.stringify(c.name)}` });
    if (c?.name) seen.add(c.name);
    if (!c?.image) errs.push(required(`${p}.image`));
    (c?.ports ?? []).forEach((port: any, j: number) => {
      const n = port?.containerPort;
      if (typeof n !== 'number' || n < 1 || n > 65535) errs.push(invalid(`${p}.ports[${j}].containerPort`, n ?? 0, 'must be between 1 and 65535, inclusive'));
    });
  });
}

function checkPodSpec(spec: any, path: string, errs: FieldError[], restartPolicies?: string[]): void {
  if (!spec || typeof spec !== 'object') {
    errs.push(required(`${path}.containers`));
    return;
  }
  checkContainers(spec.containers, `${path}.containers`, errs, true);
  checkContainers(spec.initContainers, `${path}.initContainers`, errs, false);
  if (restartPolicies && !restartPolicies.includes(spec.restartPolicy)) {
    errs.push(
      spec.restartPolicy
        ? { type: 'FieldValueNotSupported', field: `${path}.restartPolicy`, detail: `Unsupported value: ${JSON.stringify(spec.restartPolicy)}: supported values: ${restartPolicies.map((r) => JSON.stringify(r)).join(', ')}` }
        : required(`${path}.restartPolicy`, `valid values: ${restartPolicies.map((r) => JSON.stringify(r)).join(', ')}`),
    );
  }
  const vols = new Set<string>();
  (spec.volumes ?? []).forEach((v: any, i: number) => {
    if (!v?.name) errs.push(required(`${path}.volumes[${i}].name`));
    else vols.add(v.name);
  });
}

function checkSelectorTemplate(spec: any, path: string, errs: FieldError[], needSelector = true): void {
  if (!spec?.selector) {
    if (needSelector) errs.push(required(`${path}.selector`));
  } else {
    const sel = labelSelectorFromObject(spec.selector);
    if (sel.length === 0) errs.push(invalid(`${path}.selector`, 'null', 'empty selector is invalid for deployment'));
    const labels = spec.template?.metadata?.labels ?? {};
    if (sel.length && !matchLabels(sel, labels)) {
      const goMap = `map[string]string{${Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(', ')}}`;
      errs.push({ type: 'FieldValueInvalid', field: `${path}.template.metadata.labels`, detail: `Invalid value: ${goMap}: \`selector\` does not match template \`labels\`` });
    }
  }
  checkPodSpec(spec?.template?.spec, `${path}.template.spec`, errs, ['Always']);
}

function checkKind(kind: string, o: any, errs: FieldError[]): void {
  switch (kind) {
    case 'Pod':
      checkPodSpec(o.spec, 'spec', errs);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
      checkSelectorTemplate(o.spec, 'spec', errs);
      if (typeof o.spec?.replicas === 'number' && o.spec.replicas < 0) errs.push(invalid('spec.replicas', o.spec.replicas, 'must be greater than or equal to 0'));
      break;
    case 'StatefulSet':
      checkSelectorTemplate(o.spec, 'spec', errs);
      break;
    case 'Job':
      checkPodSpec(o.spec?.template?.spec, 'spec.template.spec', errs, ['OnFailure', 'Never']);
      break;
    case 'CronJob':
      if (!o.spec?.schedule) errs.push(required('spec.schedule'));
      checkPodSpec(o.spec?.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec', errs, ['OnFailure', 'Never']);
      break;
    case 'Service': {
      const spec = o.spec ?? {};
      const headless = spec.clusterIP === 'None';
      if (spec.type === 'ExternalName') {
        if (!spec.externalName) errs.push(required('spec.externalName'));
      } else if (!headless && (!Array.isArray(spec.ports) || spec.ports.length === 0)) {
        errs.push(required('spec.ports'));
      }
      (spec.ports ?? []).forEach((p: any, i: number) => {
        if (typeof p?.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalid(`spec.ports[${i}].port`, p?.port ?? 0, 'must be between 1 and 65535, inclusive'));
        if ((spec.ports.length > 1) && !p?.name) errs.push(required(`spec.ports[${i}].name`));
      });
      if (spec.type && !['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'].includes(spec.type)) {
        errs.push({ type: 'FieldValueNotSupported', field: 'spec.type', detail: `Unsupported value: ${JSON.stringify(spec.type)}: supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"` });
      }
      break;
    }
    case 'ConfigMap':
    case 'Secret':
      for (const key of [...Object.keys(o.data ?? {}), ...Object.keys(o.binaryData ?? {})]) {
        if (!CONFIG_KEY.test(key)) errs.push(invalid(`data[${key}]`, key, "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"));
      }
      if (kind === 'Secret') {
        for (const [k, v] of Object.entries(o.data ?? {})) {
          if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v)) errs.push(invalid(`data[${k}]`, '<secret contents redacted>', 'illegal base64 data'));
        }
      }
      break;
    case 'PersistentVolumeClaim':
      if (!o.spec?.accessModes?.length) errs.push(required('spec.accessModes'));
      if (!o.spec?.resources?.requests?.storage && !o.spec?.volumeName) errs.push(required('spec.resources[storage]'));
      break;
    case 'PersistentVolume':
      if (!o.spec?.capacity?.storage) errs.push(required('spec.capacity'));
      if (!o.spec?.accessModes?.length) errs.push(required('spec.accessModes'));
      break;
    case 'StorageClass':
      if (!o.provisioner) errs.push(required('provisioner'));
      break;
    case 'Ingress':
      (o.spec?.rules ?? []).forEach((r: any, i: number) => {
        (r?.http?.paths ?? []).forEach((p: any, j: number) => {
          if (!p?.pathType) errs.push(required(`spec.rules[${i}].http.paths[${j}].pathType`, 'pathType must be specified'));
          if (!p?.backend) errs.push(required(`spec.rules[${i}].http.paths[${j}].backend`));
        });
      });
      break;
    case 'HorizontalPodAutoscaler':
      if (!o.spec?.scaleTargetRef?.name) errs.push(required('spec.scaleTargetRef.name'));
      if (!o.spec?.maxReplicas) errs.push(required('spec.maxReplicas'));
      break;
    case 'CustomResourceDefinition': {
      const spec = o.spec ?? {};
      if (!spec.group) errs.push(required('spec.group'));
      if (!spec.names?.plural) errs.push(required('spec.names.plural'));
      if (!spec.names?.kind) errs.push(required('spec.names.kind'));
      if (!['Namespaced', 'Cluster'].includes(spec.scope)) errs.push(required('spec.scope'));
      if (!Array.isArray(spec.versions) || spec.versions.length === 0) errs.push(required('spec.versions'));
      else if (!spec.versions.some((v: any) => v.storage)) errs.push(invalid('spec.versions', spec.versions.map((v: any) => v.name), 'must have exactly one version marked as storage version'));
      if (spec.group && spec.names?.plural && o.metadata?.name !== `${spec.names.plural}.${spec.group}`) {
        errs.push(invalid('metadata.name', o.metadata?.name, `must be spec.names.plural+"."+spec.group`));
      }
      break;
    }
    case 'RoleBinding':
    case 'ClusterRoleBinding':
      if (!o.roleRef?.name) errs.push(required('roleRef.name'));
      break;
    default:
      break;
  }
}

/** Labels and annotations: keys and values as apimachinery validates them. */
function checkMetadata(meta: any, errs: FieldError[]): void {
  for (const [k, v] of Object.entries(meta?.labels ?? {})) {
    const name = k.includes('/') ? k.slice(k.indexOf('/') + 1) : k;
    if (!/^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(name) || name.length > 63) {
      errs.push(invalid('metadata.labels', k, "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"));
    }
    if (typeof v !== 'string' || v.length > 63 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v)) {
      errs.push(invalid('metadata.labels', v, "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"));
    }
  }
  for (const [k, v] of Object.entries(meta?.annotations ?? {})) {
    if (typeof v !== 'string') errs.push(invalid(`metadata.annotations[${k}]`, v, 'must be a string'));
  }
}

/** Throws the 422 Invalid Status for a list of field errors (no-op when empty). */
export function throwInvalid(kind: string, group: string, name: string, errs: FieldError[]): void {
  if (!errs.length) return;
  const parts = errs.map((e) => `${e.field}: ${e.detail}`);
  const message = `${kind} "${name}" is invalid: ${parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`}`;
  throw new ApiError(422, 'Invalid', message, {
    name,
    group,
    kind,
    causes: errs.map((e) => ({ reason: e.type, message: e.detail, field: e.field })),
  });
}

/** Validates an object about to be written (after defaulting). Throws ApiError 422. */
export function validateObject(rt: ResourceType, o: KubeObject): void {
  const errs: FieldError[] = [];
  const name = o.metadata?.name ?? '';
  if (!name) errs.push(required('metadata.name', 'name or generateName is required'));
  else checkName(rt.kind, name, 'metadata.name', errs);
  if (rt.namespaced && !o.metadata?.namespace) errs.push(required('metadata.namespace'));
  checkMetadata(o.metadata, errs);
  if (!rt.custom) checkKind(rt.kind, o, errs);
  throwInvalid(rt.kind, rt.group, name, errs);
}
