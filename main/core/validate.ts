/**
 * Shape checks for requests from the renderer (untrusted: a compromised renderer may send
 * anything). Each returns a clean copy or throws `bad-request` with a specific message.
 */
import { displayError, type ContractError } from '../../app/contract/errors';
import type { ObjectAddress, WatchParams } from '../../app/contract/pilothouse';
import type { ResourceRef } from '../../app/kube/object';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const GROUP = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const VERSION = /^v[0-9]+((alpha|beta)[0-9]+)?$/;
const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.:@]*[A-Za-z0-9])?$/;

/** The renderer broke the contract: shown as "bad request", with our English sentence as detail. */
export function badRequest(message: string): ContractError {
  return displayError('bad-request', { code: 'bad-request' }, message, { detail: message });
}

function obj(v: unknown, what: string): Record<string, unknown> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw badRequest(`${what} must be an object`);
  return v as Record<string, unknown>;
}

function str(v: unknown, what: string, max = 253): string {
  if (typeof v !== 'string' || v === '') throw badRequest(`${what} must be a non-empty string`);
  if (v.length > max) throw badRequest(`${what} is too long (${v.length} > ${max})`);
  return v;
}

function optStr(v: unknown, what: string, max: number): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  return str(v, what, max);
}

export function contextName(v: unknown): string {
  return str(v, 'context', 1024);
}

export function contextRequest(req: unknown): { context: string } {
  return { context: contextName(obj(req, 'request').context) };
}

export function resourceRef(v: unknown): ResourceRef {
  const r = obj(v, 'ref');
  const group = r.group === undefined || r.group === '' ? '' : str(r.group, 'ref.group');
  if (group && !GROUP.test(group)) throw badRequest(`ref.group is not a valid API group: ${JSON.stringify(group)}`);
  const version = str(r.version, 'ref.version', 63);
  if (!VERSION.test(version)) throw badRequest(`ref.version is not a valid API version: ${JSON.stringify(version)}`);
  const resource = str(r.resource, 'ref.resource', 253);
  if (!DNS_LABEL.test(resource) && !/^[a-z0-9]+$/.test(resource)) throw badRequest(`ref.resource is not a valid resource name: ${JSON.stringify(resource)}`);
  return { group, version, resource };
}

function namespace(v: unknown): string | undefined {
  const ns = optStr(v, 'namespace', 63);
  if (ns !== undefined && !DNS_LABEL.test(ns)) throw badRequest(`namespace is not a valid namespace name: ${JSON.stringify(ns)}`);
  return ns;
}

export function watchParams(v: unknown): WatchParams {
  const p = obj(v, 'watch params');
  const out: WatchParams = { context: contextName(p.context), ref: resourceRef(p.ref) };
  const ns = namespace(p.namespace);
  if (ns) out.namespace = ns;
  const ls = optStr(p.labelSelector, 'labelSelector', 4096);
  if (ls) out.labelSelector = ls;
  const fs = optStr(p.fieldSelector, 'fieldSelector', 4096);
  if (fs) out.fieldSelector = fs;
  return out;
}

export function objectAddress(v: unknown): ObjectAddress {
  const a = obj(v, 'object address');
  const name = str(a.name, 'name', 253);
  if (!NAME.test(name)) throw badRequest(`name is not a valid object name: ${JSON.stringify(name)}`);
  const out: ObjectAddress = { context: contextName(a.context), ref: resourceRef(a.ref), name };
  const ns = namespace(a.namespace);
  if (ns) out.namespace = ns;
  return out;
}

export function trustRequest(v: unknown): { context: string; command: string } {
  const r = obj(v, 'request');
  return { context: contextName(r.context), command: str(r.command, 'command', 64 * 1024) };
}
