import type { SimContext } from '../types';

/**
 * Starts the simulated controllers (scheduler, kubelet, workload controllers, GC, …) against
 * `ctx`. Returns a function that stops them all.
 */
export function installControllers(_ctx: SimContext): () => void {
  return () => {};
}
