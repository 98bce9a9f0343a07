/**
 * OpenAPI v3 schemas for built-in kinds, derived from the models @kubernetes/client-node ships
 * (generated from the real Kubernetes OpenAPI): field types from each model's attributeTypeMap,
 * descriptions and required fields from its .d.ts doc comments. Read lazily, on demand.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let modelsDir: string | undefined;

function dir(): string {
  if (!modelsDir) {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@kubernetes/client-node');
    modelsDir = join(dirname(entry), 'gen', 'models');
  }
  return modelsDir;
}

interface ModelInfo {
  description: string;
  fields: { name: string; type: string; format: string; description: string; required: boolean }[];
}

const infoCache = new Map<string, ModelInfo | null>();

function unescape(s: string): string {
  return s.replace(/\\(['"\\])/g, '$1');
}

/** Reads one model's structure and docs; null if the package has no such model. */
export function modelInfo(model: string): ModelInfo | null {
  if (infoCache.has(model)) return infoCache.get(model)!;
  const js = join(dir(), `${model}.js`);
  const dts = join(dir(), `${model}.d.ts`);
  if (!existsSync(js) || !existsSync(dts)) {
    infoCache.set(model, null);
    return null;
  }
  const jsText = readFileSync(js, 'utf8');
  const dtsText = readFileSync(dts, 'utf8');
  const docs = new Map<string, { description: string; required: boolean }>();
  const fieldRe = /\/\*\*\s*\n((?:(?!\*\/)[\s\S])*?)\*\/\s*\n\s*'([^']+)'(\?)?:/g;
  let m: RegExpExecArray | null;
  while ((m = fieldRe.exec(dtsText))) {
    const text = m[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join(' ').trim();
    docs.set(m[2], { description: unescape(text), required: !m[3] });
  }
  const classDoc = /\/\*\*\s*\n((?:(?!\*\/)[\s\S])*?)\*\/\s*\nexport declare class/.exec(dtsText);
  const description = classDoc ? unescape(classDoc[1].split('\n').map((l) => l.replace(/^\s*\*\s?/, '')).join(' ').trim()) : '';
  const fields: ModelInfo['fields'] = [];
  const attrRe = /"name":\s*"([^"]+)",\s*"baseName":\s*"([^"]+)",\s*"type":\s*"([^"]*)",\s*"format":\s*"([^"]*)"/g;
  while ((m = attrRe.exec(jsText))) {
    const doc = docs.get(m[1]);
    fields.push({ name: m[2], type: m[3], format: m[4], description: doc?.description ?? '', required: doc?.required ?? false });
  }
  const info = { description, fields };
  infoCache.set(model, info);
  return info;
}

const META_TYPES = new Set(['ObjectMeta', 'ListMeta', 'LabelSelector', 'LabelSelectorRequirement', 'OwnerReference', 'ManagedFieldsEntry', 'Condition', 'Status', 'StatusDetails', 'StatusCause', 'DeleteOptions', 'Preconditions']);

/** The OpenAPI schema name for a client-node model name (V1Container → io.k8s.api.core.v1.Container). */
export function schemaName(model: string, pkg = 'io.k8s.api.core.v1'): string {
  const m = /^(?:Core|Events|Storage|Discovery|Flowcontrol|Rbac|Authentication|Resource)?(V\d+(?:alpha\d+|beta\d+)?)(.+)$/.exec(model);
  const name = m ? m[2] : model;
  if (META_TYPES.has(name)) return `io.k8s.apimachinery.pkg.apis.meta.v1.${name}`;
  return `${pkg}.${name}`;
}

/**
 * Adds the schema of `model` (and everything it references) to `out`, returning its name.
 * `gvk` marks top-level kinds with x-kubernetes-group-version-kind.
 */
export function addModelSchema(model: string, out: Record<string, any>, pkg: string, gvk?: { group: string; version: string; kind: string }): string | undefined {
  const info = modelInfo(model);
  if (!info) return undefined;
  const name = schemaName(model, pkg);
  if (out[name]) {
    if (gvk) out[name]['x-kubernetes-group-version-kind'] = [gvk];
    return name;
  }
  const schema: any = { description: info.description, type: 'object', properties: {} };
  out[name] = schema;
  const required: string[] = [];
  for (const f of info.fields) {
    const prop = typeSchema(f.type, f.format, out, pkg);
    if (f.description) prop.description = f.description;
    schema.properties[f.name] = prop;
    if (f.required) required.push(f.name);
  }
  if (required.length) schema.required = required;
  if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  return name;
}

function typeSchema(type: string, format: string, out: Record<string, any>, pkg: string): any {
  const t = type.trim();
  if (t.startsWith('Array<') && t.endsWith('>')) {
    return { type: 'array', items: typeSchema(t.slice(6, -1), format === 'int-or-string' ? format : '', out, pkg) };
  }
  const map = /^\{\s*\[key: string\]: (.+?);\s*\}$/.exec(t);
  if (map) return { type: 'object', additionalProperties: typeSchema(map[1], '', out, pkg) };
  switch (t) {
    case 'string':
      if (format === 'byte') return { type: 'string', format: 'byte' };
      return { type: 'string' };
    case 'number':
      return format === 'double' ? { type: 'number', format: 'double' } : { type: 'integer', format: format || 'int32' };
    case 'boolean':
      return { type: 'boolean' };
    case 'Date':
      return { type: 'string', format: 'date-time' };
    case 'IntOrString':
      return { 'x-kubernetes-int-or-string': true, type: 'string', format: 'int-or-string' };
    case 'any':
    case 'object':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    default: {
      const ref = addModelSchema(t, out, pkg);
      if (!ref) return { type: 'object' };
      return { allOf: [{ $ref: `#/components/schemas/${ref}` }], default: {} };
    }
  }
}
