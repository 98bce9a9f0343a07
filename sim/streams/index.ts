import { ApiError, type SimContext } from '../types';
import { createExecHandler } from './exec/handler';
import { createLogHandler } from './logs/handler';
import { ClusterView } from './metrics/cluster';
import { createMetricsProvider } from './metrics/metricsApi';
import { ClusterScraper, sendExposition } from './metrics/scrape';
import { createPortForwardHandler } from './portForward/handler';
import { configuredUpstreams, createServiceProxyHandler } from './proxy';

/** Path of the cluster-wide Prometheus scrape endpoint (bearer token required). */
export const CLUSTER_METRICS_PATH = '/metrics/cluster';

/**
 * Installs the streaming handlers into `ctx.routes`: pods/log, pods/exec (WebSocket),
 * pods/portforward (SPDY, SPDY-over-WebSocket, WebSocket channels),
 * services/proxy, nodes/proxy (`/metrics/cadvisor`), the metrics.k8s.io provider and the
 * `/metrics/cluster` Prometheus endpoint. Returns a stop function (open exec sessions are killed).
 */
export function installStreams(ctx: SimContext): () => void {
  configuredUpstreams(ctx); // a malformed --service-proxy-upstreams fails the start, not each request
  const view = new ClusterView(ctx.store);
  const scraper = new ClusterScraper(view, () => ctx.now());
  // Exec scratch dirs live under the data dir, which startSim (the only caller) always sets and removes.
  const exec = createExecHandler(ctx, { dataDir: ctx.options.dataDir });

  ctx.routes.subresource('pods', 'log', createLogHandler(ctx));
  ctx.routes.upgrade('pods', 'exec', exec.handler);
  const portForward = createPortForwardHandler(ctx);
  ctx.routes.upgrade('pods', 'portforward', portForward.handler);
  ctx.routes.subresource('services', 'proxy', createServiceProxyHandler(ctx));
  ctx.routes.subresource('nodes', 'proxy', ({ res, name, rest }) => {
    if (rest !== '/metrics/cadvisor') throw new ApiError(404, 'NotFound', `the simulated kubelet on node "${name}" serves only /metrics/cadvisor`);
    const body = scraper.cadvisor(name);
    if (body === undefined) throw new ApiError(404, 'NotFound', `nodes "${name}" not found`, { name, kind: 'nodes' });
    sendExposition(res, body);
  });
  ctx.routes.raw(CLUSTER_METRICS_PATH, (_req, res) => sendExposition(res, scraper.cluster()));
  ctx.setMetricsProvider(createMetricsProvider(view, () => ctx.now()));

  return () => {
    exec.close();
    portForward.close();
  };
}
