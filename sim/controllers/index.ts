import type { SimContext } from '../types';
import { CronJobController } from './cronjob';
import { DaemonSetController } from './daemonset';
import { DeploymentController } from './deployment';
import { EndpointsController } from './endpoints';
import { EventTtl } from './eventTtl';
import { GarbageCollector } from './garbageCollector';
import { JobController } from './job';
import { Kubelet } from './kubelet';
import { NamespaceController } from './namespace';
import { NodeHeartbeat } from './nodeHeartbeat';
import { ReplicaSetController } from './replicaset';
import { Runtime } from './runtime';
import { Scheduler } from './scheduler';
import { StatefulSetController } from './statefulset';
import { StatusReporters } from './statusReporters';
import { VolumeController } from './volumes';

/** Reads the time-scale knob: `speed` (10 = ten times faster than a real cluster). */
export function speedOf(options: Record<string, unknown>): number {
  const raw = Number(options.speed ?? 1);
  return Number.isFinite(raw) && raw > 0 ? raw : 1;
}

/**
 * Starts the simulated controllers (scheduler, kubelets, workload controllers, endpoints,
 * volumes, garbage collector, namespace lifecycle) against `ctx`, acting on the store
 * in-process. Option `speed` scales every simulated delay. Returns a function that stops them.
 */
export function installControllers(ctx: SimContext): () => void {
  const rt = new Runtime(ctx, speedOf(ctx.options));
  // Order matters only for fairness within one flush: placement first, then workloads.
  rt.register(new Scheduler());
  rt.register(new Kubelet());
  rt.register(new VolumeController());
  rt.register(new DeploymentController());
  rt.register(new ReplicaSetController());
  rt.register(new StatefulSetController());
  rt.register(new DaemonSetController());
  rt.register(new JobController());
  rt.register(new CronJobController());
  rt.register(new EndpointsController());
  rt.register(new GarbageCollector());
  rt.register(new NamespaceController());
  rt.register(new StatusReporters());
  rt.register(new EventTtl());
  rt.register(new NodeHeartbeat());
  rt.start();
  return () => rt.stop();
}
