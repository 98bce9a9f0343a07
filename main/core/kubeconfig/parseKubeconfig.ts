/**
 * Parses one kubeconfig file into typed entries.
 *
 * We parse the YAML ourselves (with `yaml`, not client-node's js-yaml) for three reasons:
 * errors carry a line number, alias bombs are refused (maxAliasCount), and a bad entry is
 * reported and skipped instead of failing the whole file. client-node's own loader also reads
 * `tokenFile` eagerly (a missing file would throw) and hands `auth-provider` commands
 * (gcp/azure `cmd-path`) to a shell; we keep the entries as data and decide in auth/ what runs.
 */
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { DisplayMessage, MessageCode, MessageParams } from '../../../app/contract/errors';
import type { ExecConfig, KubeCluster, KubeContext, KubeUser, ParsedKubeconfig } from './types';

type Json = Record<string, unknown>;

export function parseKubeconfig(file: string, text: string): ParsedKubeconfig {
  const result: ParsedKubeconfig = { file, clusters: [], users: [], contexts: [], problems: [] };
  const problem: Problem = (message, code, params, detail) => {
    // The code and its parameters travel together through EntryError, so they match; the
    // compiler cannot follow that pairing, hence the cast.
    const display = { code, ...(params ? { params } : {}) } as DisplayMessage;
    result.problems.push({ file, message, display, ...(detail !== undefined ? { detail } : {}) });
  };
  const lineCounter = new LineCounter();
  let doc: Document;
  let root: unknown;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length > 0) {
      const err = doc.errors[0];
      const line = err.linePos?.[0]?.line ?? (err.pos ? lineCounter.linePos(err.pos[0]).line : undefined);
      const detail = firstLine(err.message);
      problem(`Invalid YAML${line ? ` at line ${line}` : ''}: ${detail}`, 'kubeconfig-yaml', line ? { line } : undefined, detail);
      return result;
    }
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    const detail = firstLine(err instanceof Error ? err.message : String(err));
    problem(`Invalid YAML: ${detail}`, 'kubeconfig-yaml', undefined, detail);
    return result;
  }
  if (root === null || root === undefined) return result; // An empty file is an empty config.
  if (!isObject(root)) {
    problem('Not a kubeconfig: the top level must be a mapping (clusters, users, contexts, current-context)', 'kubeconfig-not-kubeconfig');
    return result;
  }

  const lineOf = (keys: (string | number)[]): number | undefined => {
    // The deepest node that exists along the path gives the best line we can point at.
    for (let n = keys.length; n > 0; n--) {
      const node = doc.getIn(keys.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const dir = path.dirname(file);
  const abs = (p: string | undefined) => (p === undefined || path.isAbsolute(p) ? p : path.join(dir, p));

  if (root['current-context'] !== undefined && root['current-context'] !== '') {
    if (typeof root['current-context'] === 'string') result.currentContext = root['current-context'];
    else {
      const line = lineOf(['current-context']);
      problem(`current-context must be a string${atLine(line)}`, 'kubeconfig-field-not-string', { field: 'current-context', ...(line ? { line } : {}) });
    }
  }

  eachEntry(root, 'clusters', 'cluster', problem, lineOf, (name, body, at) => {
    const server = str(body, 'server', at);
    if (!server) throw missing('cluster.server', [...at, 'server']);
    let url: URL;
    try {
      url = new URL(server);
    } catch {
      throw new EntryError(`cluster.server is not a URL: ${JSON.stringify(server)}`, [...at, 'server'], 'kubeconfig-field-not-url', { field: 'cluster.server', value: server });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new EntryError(`cluster.server must be http(s), not ${url.protocol}`, [...at, 'server'], 'kubeconfig-field-not-http', { field: 'cluster.server', scheme: url.protocol });
    }
    const skip = body['insecure-skip-tls-verify'];
    if (skip !== undefined && typeof skip !== 'boolean') {
      throw new EntryError('cluster.insecure-skip-tls-verify must be true or false', [...at, 'insecure-skip-tls-verify'], 'kubeconfig-field-not-boolean', { field: 'cluster.insecure-skip-tls-verify' });
    }
    const cluster: KubeCluster = {
      name,
      server: server.replace(/\/+$/, ''),
      caFile: abs(str(body, 'certificate-authority', at)),
      caData: str(body, 'certificate-authority-data', at),
      skipTLSVerify: skip === true,
      tlsServerName: str(body, 'tls-server-name', at),
      proxyUrl: str(body, 'proxy-url', at),
      sourceFile: file,
    };
    result.clusters.push(cluster);
  });

  eachEntry(root, 'users', 'user', problem, lineOf, (name, body, at) => {
    const user: KubeUser = {
      name,
      token: str(body, 'token', at),
      tokenFile: abs(str(body, 'tokenFile', at)),
      certFile: abs(str(body, 'client-certificate', at)),
      certData: str(body, 'client-certificate-data', at),
      keyFile: abs(str(body, 'client-key', at)),
      keyData: str(body, 'client-key-data', at),
      username: str(body, 'username', at),
      password: str(body, 'password', at),
      impersonate: str(body, 'as', at),
      impersonateGroups: strList(body, 'as-groups', at),
      sourceFile: file,
    };
    if (body.exec !== undefined && body.exec !== null) user.exec = parseExec(body.exec, [...at, 'exec'], dir);
    const provider = body['auth-provider'];
    if (provider !== undefined && provider !== null) {
      if (!isObject(provider) || typeof provider.name !== 'string') {
        throw missing('user.auth-provider.name', [...at, 'auth-provider']);
      }
      const config: Record<string, string> = {};
      if (isObject(provider.config)) {
        for (const [k, v] of Object.entries(provider.config)) if (typeof v === 'string') config[k] = v;
      }
      user.authProvider = { name: provider.name, config };
    }
    result.users.push(user);
  });

  eachEntry(root, 'contexts', 'context', problem, lineOf, (name, body, at) => {
    const cluster = str(body, 'cluster', at);
    if (!cluster) throw missing('context.cluster', [...at, 'cluster']);
    const context: KubeContext = {
      name,
      cluster,
      user: str(body, 'user', at) || undefined,
      namespace: str(body, 'namespace', at) || undefined,
      sourceFile: file,
    };
    result.contexts.push(context);
  });
  return result;
}

type Problem = (message: string, code: MessageCode, params?: MessageParams, detail?: string) => void;

/** A broken entry: English for logs, the message id and its parameters for people. */
class EntryError extends Error {
  constructor(
    message: string,
    readonly at: (string | number)[],
    readonly code: MessageCode,
    readonly params: MessageParams,
  ) {
    super(message);
  }
}

function missing(field: string, at: (string | number)[]): EntryError {
  return new EntryError(`${field} is missing`, at, 'kubeconfig-field-missing', { field });
}

function atLine(line: number | undefined): string {
  return line ? ` (line ${line})` : '';
}

/** Visits `root[list][i][field]`; a broken entry becomes a problem and is skipped. */
function eachEntry(
  root: Json,
  list: 'clusters' | 'users' | 'contexts',
  field: 'cluster' | 'user' | 'context',
  problem: Problem,
  lineOf: (keys: (string | number)[]) => number | undefined,
  visit: (name: string, body: Json, at: (string | number)[]) => void,
) {
  const entries = root[list];
  if (entries === undefined || entries === null) return;
  if (!Array.isArray(entries)) {
    const line = lineOf([list]);
    problem(`${list} must be a list${atLine(line)}`, 'kubeconfig-field-not-list', { field: list, ...(line ? { line } : {}) });
    return;
  }
  entries.forEach((entry, i) => {
    const where = `${list}[${i}]`;
    try {
      if (!isObject(entry)) throw new EntryError('must be a mapping with name and ' + field, [list, i], 'kubeconfig-field-not-mapping', { field: `${list}[${i}]` });
      if (typeof entry.name !== 'string' || entry.name === '') throw new EntryError('name is missing', [list, i], 'kubeconfig-entry-no-name', {});
      const body = entry[field];
      if (body !== undefined && body !== null && !isObject(body)) {
        throw new EntryError(`${field} must be a mapping`, [list, i, field], 'kubeconfig-field-not-mapping', { field });
      }
      visit(entry.name, (body as Json | undefined) ?? {}, [list, i, field]);
    } catch (err) {
      if (err instanceof EntryError) {
        const name = isObject(entry) && typeof entry.name === 'string' ? ` "${entry.name}"` : '';
        const line = lineOf(err.at);
        problem(`${where}${name}: ${err.message}${atLine(line)}`, err.code, { ...err.params, entry: `${where}${name}`, ...(line ? { line } : {}) });
      } else throw err;
    }
  });
}

function parseExec(raw: unknown, at: (string | number)[], dir: string): ExecConfig {
  if (!isObject(raw)) throw new EntryError('user.exec must be a mapping', at, 'kubeconfig-field-not-mapping', { field: 'user.exec' });
  const command = raw.command;
  if (typeof command !== 'string' || command === '') throw missing('user.exec.command', [...at, 'command']);
  const args = raw.args ?? [];
  if (!Array.isArray(args) || args.some((a) => typeof a !== 'string')) {
    throw new EntryError('user.exec.args must be a list of strings', [...at, 'args'], 'kubeconfig-field-not-string-list', { field: 'user.exec.args' });
  }
  const envRaw = raw.env ?? [];
  if (!Array.isArray(envRaw)) throw new EntryError('user.exec.env must be a list of {name, value}', [...at, 'env'], 'kubeconfig-exec-env', { field: 'user.exec.env' });
  const env = envRaw.map((e, i) => {
    if (!isObject(e) || typeof e.name !== 'string' || typeof e.value !== 'string') {
      throw new EntryError('user.exec.env entries need a string name and value', [...at, 'env', i], 'kubeconfig-exec-env', { field: `user.exec.env[${i}]` });
    }
    return { name: e.name, value: e.value };
  });
  // Like client-go: a relative command with a path separator is relative to the kubeconfig file.
  const resolved = command.includes('/') && !path.isAbsolute(command) ? path.join(dir, command) : command;
  return {
    command: resolved,
    args: args as string[],
    env,
    apiVersion: typeof raw.apiVersion === 'string' ? raw.apiVersion : undefined,
    installHint: typeof raw.installHint === 'string' ? raw.installHint : undefined,
    provideClusterInfo: raw.provideClusterInfo === true,
  };
}

function str(body: Json, key: string, at: (string | number)[]): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new EntryError(`${key} must be a string`, [...at, key], 'kubeconfig-field-not-string', { field: key });
  return v;
}

function strList(body: Json, key: string, at: (string | number)[]): string[] | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new EntryError(`${key} must be a list of strings`, [...at, key], 'kubeconfig-field-not-string-list', { field: key });
  }
  return v as string[];
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
