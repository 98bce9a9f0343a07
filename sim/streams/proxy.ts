/**
 * `/api/v1/namespaces/{ns}/services/{[scheme:]name[:port]}/proxy/{path}`: forwards to a
 * configured upstream instead of a pod IP (the simulator has no pod network), so a Service
 * `monitoring/prometheus-server` can front a real Prometheus on loopback.
 *
 * Upstreams come from the `serviceProxyUpstreams` knob (startSim option, or the CLI flag
 * `--service-proxy-upstreams ns/name=url,…`), read on every request: `{ "monitoring/prometheus-server": "http://127.0.0.1:9090" }`;
 * a key may also name a port (`monitoring/prometheus-server:web`).
 */
import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError, type SimContext, type SubresourceHandler } from '../types';

/** The knob's name in SimOptions. */
export const UPSTREAMS_OPTION = 'serviceProxyUpstreams';

/** Headers never forwarded: hop-by-hop ones, and the caller's credentials (the upstream must not see the API token). */
const DROP_REQUEST = new Set(['authorization', 'host', 'connection', 'keep-alive', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'impersonate-user', 'impersonate-group']);
const DROP_RESPONSE = new Set(['connection', 'keep-alive', 'transfer-encoding', 'trailer', 'upgrade']);

export interface ServiceRef {
  scheme: string;
  name: string;
  port: string;
}

/** Splits `[scheme:]name[:port]` as the API server's SplitSchemeNamePort does. */
export function parseServiceRef(text: string): ServiceRef {
  const parts = text.split(':');
  if (parts.length === 1) return { scheme: '', name: parts[0], port: '' };
  if (parts.length === 2) return { scheme: '', name: parts[0], port: parts[1] };
  if (parts.length === 3 && (parts[0] === 'http' || parts[0] === 'https' || parts[0] === '')) return { scheme: parts[0], name: parts[1], port: parts[2] };
  throw new ApiError(400, 'BadRequest', `invalid service request "${text}"`);
}

/**
 * The configured upstreams. The knob is an object (startSim) or, from the CLI
 * (`--service-proxy-upstreams`), a string: `ns/name[:port]=url` pairs separated by commas, or JSON.
 */
export function configuredUpstreams(ctx: SimContext): Record<string, string> {
  return parseUpstreams(ctx.options[UPSTREAMS_OPTION]);
}

export function parseUpstreams(value: unknown): Record<string, string> {
  if (typeof value === 'string') {
    const text = value.trim();
    if (text.startsWith('{')) return parseUpstreams(JSON.parse(text));
    const out: Record<string, string> = {};
    for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0 || !/^[a-z0-9-]+\/[a-z0-9-]+(:[a-z0-9-]+)?$/.test(pair.slice(0, eq))) throw new Error(`--service-proxy-upstreams: expected namespace/service[:port]=url, got "${pair}"`);
      out[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return out;
  }
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
}

interface ServicePort {
  name?: string;
  port: number;
}

const unavailable = (message: string) => new ApiError(503, 'ServiceUnavailable', message);

/**
 * Without an upstream the simulator has nowhere to send the request (there is no pod network).
 * A real API server would say `no endpoints available for service "x"` or `error trying to
 * reach service: …`; both would hide the actual cause here, so the Status (same 503
 * ServiceUnavailable shape) names it and the flag that fixes it.
 */
function noUpstream(namespace: string, service: string, port: string): ApiError {
  const key = `${namespace}/${service}`;
  return unavailable(
    `no upstream configured for service ${key}${port ? ` port ${port}` : ''}; start the simulator with --service-proxy-upstreams ${key}=http://127.0.0.1:PORT (startSim option ${UPSTREAMS_OPTION}) to forward it`,
  );
}

export function createServiceProxyHandler(ctx: SimContext): SubresourceHandler {
  return ({ req, res, namespace, name, rest }) => {
    const ref = parseServiceRef(name);
    const stored = ctx.store.get('services', namespace, ref.name);
    if (!stored) throw new ApiError(404, 'NotFound', `services "${ref.name}" not found`, { name: ref.name, kind: 'services' });
    const service = stored.parse() as { spec?: { ports?: ServicePort[] } };
    const ports = service.spec?.ports ?? [];
    const port = ref.port ? ports.find((p) => p.name === ref.port || String(p.port) === ref.port) : ports[0];
    if (ref.port && !port) throw unavailable(`no service port "${ref.port}" found for service "${ref.name}"`);

    const upstreams = configuredUpstreams(ctx);
    const keys = [`${namespace}/${ref.name}:${ref.port}`, port?.name && `${namespace}/${ref.name}:${port.name}`, port && `${namespace}/${ref.name}:${port.port}`, `${namespace}/${ref.name}`].filter(Boolean) as string[];
    const upstream = keys.map((k) => upstreams[k]).find(Boolean);
    if (!upstream) throw noUpstream(namespace, ref.name, port ? port.name || String(port.port) : ref.port);

    const base = new URL(upstream);
    const search = new URL(req.url ?? '/', 'http://placeholder').search;
    const target = new URL(`${base.pathname.replace(/\/$/, '')}${rest || '/'}${search}`, base);
    const headers: OutgoingHttpHeaders = {};
    for (const [key, value] of Object.entries(req.headers as IncomingHttpHeaders)) if (!DROP_REQUEST.has(key) && value !== undefined) headers[key] = value;
    headers.host = target.host;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-proto'] = 'https';
    headers['x-forwarded-uri'] = req.url ?? '';

    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstreamReq = send(target, { method: req.method, headers }, (upstreamRes) => {
      const out: OutgoingHttpHeaders = {};
      for (const [key, value] of Object.entries(upstreamRes.headers)) if (!DROP_RESPONSE.has(key) && value !== undefined) out[key] = value;
      res.writeHead(upstreamRes.statusCode ?? 502, out);
      upstreamRes.pipe(res);
    });
    upstreamReq.on('error', (err: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      const reason = err.code === 'ECONNREFUSED' ? 'connect: connection refused' : err.message;
      const status = unavailable(`error trying to reach service: dial tcp ${target.host}: ${reason}`).toStatus();
      res.writeHead(503, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(status));
    });
    res.on('close', () => upstreamReq.destroy());
    req.pipe(upstreamReq);
  };
}
