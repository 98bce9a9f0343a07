/**
 * Which container instance a log request reads, decided from the container status exactly as the
 * kubelet's validateContainerLogStatus does, with its error messages.
 */
import { hash32 } from '../random';
import { badRequest, containerSpec, containerStatus, currentIdentity, epochMs, type PodView } from '../pods';
import type { LogInstance } from './generator';
import { profileFor } from './profiles';

export interface ResolvedInstance {
  instance: LogInstance;
  /** Identity of the instance (containerID); a follow stream ends when the container's changes. */
  identity: string;
  /** True while the instance runs (a follow stream keeps going). */
  running: boolean;
}

export function resolveLogInstance(pod: PodView, container: string, previous: boolean, nowMs: number): ResolvedInstance {
  const podName = pod.metadata.name ?? '';
  const status = containerStatus(pod, container);
  const image = status?.image || containerSpec(pod, container)?.image || '';
  const restartCount = status?.restartCount ?? 0;
  const make = (identity: string, startedAt: string | undefined, finishedAt: string | undefined, exitCode: number | undefined, running: boolean): ResolvedInstance => ({
    identity,
    running,
    instance: {
      seed: hash32(identity),
      profile: profileFor(image, podName, container),
      pod: podName,
      container,
      startMs: epochMs(startedAt) || epochMs(pod.status?.startTime) || nowMs,
      endMs: running ? undefined : epochMs(finishedAt) || nowMs,
      exitCode,
    },
  });
  const notFound = () => badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
  // Scheduled but not reported yet: the kubelet is still creating the sandbox.
  if (!status && !previous) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
  const state = status?.state ?? {};
  const last = status?.lastState?.terminated;

  if (previous) {
    if (!last) throw notFound();
    const identity = last.containerID || `${pod.metadata.uid}/${container}/${Math.max(0, restartCount - 1)}`;
    return make(identity, last.startedAt, last.finishedAt, last.exitCode, false);
  }
  if (state.running) return make(currentIdentity(pod, status), state.running.startedAt, undefined, undefined, true);
  if (state.terminated) {
    const t = state.terminated;
    return make(t.containerID || currentIdentity(pod, status), t.startedAt, t.finishedAt, t.exitCode, false);
  }
  if (last) {
    // CrashLoopBackOff: the newest log file is still the one of the instance that just died.
    const identity = last.containerID || `${pod.metadata.uid}/${container}/${Math.max(0, restartCount - 1)}`;
    return make(identity, last.startedAt, last.finishedAt, last.exitCode, false);
  }
  if (state.waiting) {
    const reason = state.waiting.reason ?? '';
    if (reason === 'ErrImagePull') throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === 'ImagePullBackOff') throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  }
  throw badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
}
