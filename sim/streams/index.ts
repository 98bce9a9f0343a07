import type { SimContext } from '../types';

/**
 * Installs the streaming handlers (pods/log, pods/exec, pods/portforward, services/proxy,
 * metrics provider, Prometheus endpoint) into `ctx.routes`. Returns a stop function.
 */
export function installStreams(_ctx: SimContext): () => void {
  return () => {};
}
