/**
 * Renders a PodRun into the `status` a kubelet would report: phase, conditions with stable
 * transition times, container statuses (state/lastState/ready/started/restartCount/IDs),
 * IPs, start time and QoS class.
 */
import { qualifiedImage } from './events';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from './model';
import { rfc3339 } from './model';
import { initDone, type ContainerRun, type PodRun, type Terminated } from './podRuntime';

const t = (ms: number) => rfc3339(ms);

function terminatedState(x: Terminated): ContainerState {
  return { terminated: { exitCode: x.exitCode, reason: x.reason, startedAt: t(x.startedAt), finishedAt: t(x.finishedAt), containerID: x.containerID } };
}

function containerState(c: ContainerRun, pod: Pod, waitingForInit: boolean): ContainerState {
  switch (c.stage) {
    case 'pending':
    case 'pulling':
      return { waiting: { reason: waitingForInit || c.init ? 'PodInitializing' : 'ContainerCreating' } };
    case 'errImagePull':
      return { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${qualifiedImage(c.image)}": not found` } };
    case 'imagePullBackOff':
      return { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` } };
    case 'running':
      return { running: { startedAt: t(c.startedAt ?? 0) } };
    case 'backoff':
      if (!c.backoffSeconds && c.lastTerminated) return terminatedState(c.lastTerminated);
      return {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: `back-off ${c.backoffSeconds}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`,
        },
      };
    case 'terminated':
      return c.terminated ? terminatedState(c.terminated) : { waiting: { reason: 'ContainerCreating' } };
  }
}

function containerStatus(c: ContainerRun, pod: Pod, now: number, waitingForInit: boolean): ContainerStatus {
  const state = containerState(c, pod, waitingForInit);
  const started = c.stage === 'running';
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState: c.lastTerminated && !(c.stage === 'backoff' && !c.backoffSeconds) ? terminatedState(c.lastTerminated) : {},
    ready: started && now >= c.readyAt,
    restartCount: c.restartCount,
    image: qualifiedImage(c.image),
    imageID: c.imageID ?? '',
    started,
  };
  if (c.containerID) status.containerID = c.containerID;
  return status;
}

export function podPhase(run: PodRun): NonNullable<PodStatus['phase']> {
  if (!initDone(run)) {
    const failedInit = run.init.some((c) => c.stage === 'terminated' && (c.terminated?.exitCode ?? 0) !== 0);
    return failedInit ? 'Failed' : 'Pending';
  }
  if (run.main.every((c) => c.stage === 'terminated')) {
    return run.main.some((c) => (c.terminated?.exitCode ?? 0) !== 0) ? 'Failed' : 'Succeeded';
  }
  return run.main.some((c) => c.stage === 'running' || c.stage === 'backoff' || c.stage === 'terminated') ? 'Running' : 'Pending';
}

export function qosClass(containers: Container[]): string {
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) {
      if (!lim[r] || (req[r] && req[r] !== lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export interface PodAddresses {
  hostIP: string;
  podIP: string;
}

/** The full pod status for `run` at `now`. `scheduled` carries over the scheduler's condition. */
export function renderPodStatus(run: PodRun, pod: Pod, now: number, ips: PodAddresses): PodStatus {
  const phase = podPhase(run);
  const inited = initDone(run);
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const mainStatuses = run.main.map((c) => containerStatus(c, pod, now, !inited));
  const allReady = inited && !finished && mainStatuses.every((s) => s.ready);
  const unready = mainStatuses.filter((s) => !s.ready).map((s) => s.name);
  const incomplete = run.init.filter((c) => !(c.stage === 'terminated' && c.terminated?.exitCode === 0)).map((c) => c.name);

  const cond = (type: string, status: 'True' | 'False', reason?: string, message?: string): PodCondition => {
    const prev = run.conditions.get(type);
    if (!prev || prev.status !== status) run.conditions.set(type, { status, at: now });
    const c: PodCondition = { type, status, lastProbeTime: null, lastTransitionTime: t(run.conditions.get(type)!.at) };
    if (reason) c.reason = reason;
    if (message) c.message = message;
    return c;
  };
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled') ?? {
    type: 'PodScheduled', status: 'True' as const, lastProbeTime: null, lastTransitionTime: pod.metadata.creationTimestamp ?? t(now),
  };
  const readyReason = finished ? 'PodCompleted' : 'ContainersNotReady';
  const readyMessage = finished ? undefined : `containers with unready status: [${unready.join(' ')}]`;
  const conditions: PodCondition[] = [
    cond('PodReadyToStartContainers', finished || now < run.sandboxAt ? 'False' : 'True'),
    inited
      ? cond('Initialized', 'True', run.init.length && finished ? 'PodCompleted' : undefined)
      : cond('Initialized', 'False', 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`),
    allReady ? cond('Ready', 'True') : cond('Ready', 'False', readyReason, readyMessage),
    allReady ? cond('ContainersReady', 'True') : cond('ContainersReady', 'False', readyReason, readyMessage),
    scheduled,
  ];

  const status: PodStatus = {
    phase,
    conditions,
    hostIP: ips.hostIP,
    hostIPs: [{ ip: ips.hostIP }],
    ...(now >= run.sandboxAt && ips.podIP ? { podIP: ips.podIP, podIPs: [{ ip: ips.podIP }] } : {}),
    startTime: pod.status?.startTime ?? t(run.sandboxAt),
    containerStatuses: mainStatuses,
    qosClass: qosClass([...pod.spec.containers, ...(pod.spec.initContainers ?? [])]),
  };
  if (run.init.length) status.initContainerStatuses = run.init.map((c) => containerStatus(c, pod, now, false));
  return status;
}
