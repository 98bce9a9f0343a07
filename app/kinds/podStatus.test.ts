import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../kube/object';
import { formatPodRestarts, isPodProblemReason, podReady, podRestarts, podStatusReason, podSummary } from './podStatus';

/* eslint-disable @typescript-eslint/no-explicit-any -- test fixtures are plain JSON */

function pod(spec: any, status: any, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u', ...meta }, spec, status };
}

const containers = (...names: string[]) => names.map((name) => ({ name, image: `img/${name}` }));
const running = (name: string, ready = true, restartCount = 0, extra: any = {}) => ({
  name,
  ready,
  restartCount,
  started: true,
  state: { running: { startedAt: '2026-11-27T00:00:00Z' } },
  ...extra,
});
const waiting = (name: string, reason: string, restartCount = 0, extra: any = {}) => ({ name, ready: false, restartCount, state: { waiting: { reason } }, ...extra });
const terminated = (name: string, exitCode: number, reason?: string, extra: any = {}) => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason, ...(extra.signal ? { signal: extra.signal } : {}) } },
});
const readyCond = (status: 'True' | 'False') => ({ type: 'Ready', status });

describe('podStatusReason (kubectl printPod)', () => {
  it('Pending without container statuses shows the phase', () => {
    expect(podStatusReason(pod({ containers: containers('a') }, { phase: 'Pending' }))).toBe('Pending');
  });

  it('Running with all containers ready', () => {
    const p = pod({ containers: containers('a', 'b') }, { phase: 'Running', containerStatuses: [running('a'), running('b')], conditions: [readyCond('True')] });
    expect(podStatusReason(p)).toBe('Running');
    expect(podReady(p)).toBe('2/2');
  });

  it('ContainerCreating, ErrImagePull, ImagePullBackOff and CrashLoopBackOff come from the waiting reason', () => {
    for (const reason of ['ContainerCreating', 'ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff', 'CreateContainerConfigError']) {
      const p = pod({ containers: containers('a') }, { phase: reason === 'CrashLoopBackOff' ? 'Running' : 'Pending', containerStatuses: [waiting('a', reason)] });
      expect(podStatusReason(p)).toBe(reason);
    }
  });

  it('the first container with a reason wins (kubectl walks from the last)', () => {
    const p = pod(
      { containers: containers('a', 'b', 'c') },
      { phase: 'Running', containerStatuses: [waiting('a', 'CrashLoopBackOff', 4), running('b'), waiting('c', 'ImagePullBackOff')] },
    );
    expect(podStatusReason(p)).toBe('CrashLoopBackOff');
    expect(podReady(p)).toBe('1/3');
  });

  it('terminated containers: Completed, Error, OOMKilled, and ExitCode/Signal without a reason', () => {
    const t = (exit: number, reason?: string, signal?: number) =>
      podStatusReason(pod({ containers: containers('a') }, { phase: exit === 0 ? 'Succeeded' : 'Failed', containerStatuses: [terminated('a', exit, reason, { signal })] }));
    expect(t(0, 'Completed')).toBe('Completed');
    expect(t(1, 'Error')).toBe('Error');
    expect(t(137, 'OOMKilled')).toBe('OOMKilled');
    expect(t(2)).toBe('ExitCode:2');
    expect(t(137, undefined, 9)).toBe('Signal:9');
  });

  it('a completed container beside a running one: Running when the pod is Ready, else NotReady', () => {
    const base = { containers: containers('job', 'sidecar') };
    const statuses = [terminated('job', 0, 'Completed'), running('sidecar')];
    expect(podStatusReason(pod(base, { phase: 'Running', containerStatuses: statuses, conditions: [readyCond('True')] }))).toBe('Running');
    expect(podStatusReason(pod(base, { phase: 'Running', containerStatuses: statuses, conditions: [readyCond('False')] }))).toBe('NotReady');
  });

  it('init containers: Init:N/M while they run, Init:<reason> when they fail or back off', () => {
    const spec = { initContainers: containers('i1', 'i2', 'i3'), containers: containers('a') };
    const st = (init: any[]) => podStatusReason(pod(spec, { phase: 'Pending', initContainerStatuses: init, containerStatuses: [waiting('a', 'PodInitializing')] }));
    expect(st([terminated('i1', 0, 'Completed'), running('i2', false), waiting('i3', 'PodInitializing')])).toBe('Init:1/3');
    expect(st([waiting('i1', 'PodInitializing'), waiting('i2', 'PodInitializing'), waiting('i3', 'PodInitializing')])).toBe('Init:0/3');
    expect(st([terminated('i1', 0, 'Completed'), waiting('i2', 'CrashLoopBackOff', 3)])).toBe('Init:CrashLoopBackOff');
    expect(st([waiting('i1', 'ImagePullBackOff')])).toBe('Init:ImagePullBackOff');
    expect(st([terminated('i1', 1, 'Error')])).toBe('Init:Error');
    expect(st([terminated('i1', 3)])).toBe('Init:ExitCode:3');
    expect(st([terminated('i1', 143, undefined, { signal: 15 })])).toBe('Init:Signal:15');
  });

  it('init restarts count until the pod is initialized, then only regular containers count', () => {
    const spec = { initContainers: containers('init'), containers: containers('a') };
    const initializing = pod(spec, {
      phase: 'Pending',
      initContainerStatuses: [waiting('init', 'CrashLoopBackOff', 5, { lastState: { terminated: { finishedAt: '2026-11-27T00:10:00Z' } } })],
      containerStatuses: [waiting('a', 'PodInitializing')],
    });
    expect(podRestarts(initializing)).toEqual({ count: 5, lastRestartAt: '2026-11-27T00:10:00.000Z' });
    const done = pod(spec, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }, readyCond('True')],
      initContainerStatuses: [{ ...terminated('init', 0, 'Completed'), restartCount: 5 }],
      containerStatuses: [running('a', true, 1, { lastState: { terminated: { finishedAt: '2026-11-27T01:00:00Z' } } })],
    });
    expect(podStatusReason(done)).toBe('Running');
    expect(podRestarts(done)).toEqual({ count: 1, lastRestartAt: '2026-11-27T01:00:00.000Z' });
  });

  it('sidecar init containers (restartPolicy Always) count as containers once started', () => {
    const spec = { initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }], containers: containers('app') };
    const p = pod(spec, {
      phase: 'Running',
      conditions: [{ type: 'Initialized', status: 'True' }, readyCond('True')],
      initContainerStatuses: [running('proxy', true, 2)],
      containerStatuses: [running('app', true, 1)],
    });
    expect(podStatusReason(p)).toBe('Running');
    expect(podReady(p)).toBe('2/2');
    expect(podRestarts(p).count).toBe(3);
    const starting = pod(spec, { phase: 'Pending', initContainerStatuses: [{ ...running('proxy', false), started: false }], containerStatuses: [waiting('app', 'PodInitializing')] });
    expect(podStatusReason(starting)).toBe('Init:0/1');
    expect(podReady(starting)).toBe('0/2');
  });

  it('Terminating while being deleted (unless already finished); NodeLost pods show Unknown', () => {
    const spec = { containers: containers('a') };
    const st = { phase: 'Running', containerStatuses: [running('a')] };
    expect(podStatusReason(pod(spec, st, { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Terminating');
    expect(podStatusReason(pod(spec, { phase: 'Succeeded', containerStatuses: [terminated('a', 0, 'Completed')] }, { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Completed');
    expect(podStatusReason(pod(spec, { ...st, reason: 'NodeLost' }, { deletionTimestamp: '2026-11-27T00:00:00Z' }))).toBe('Unknown');
    expect(podStatusReason(pod(spec, { phase: 'Running', reason: 'NodeLost' }))).toBe('NodeLost');
  });

  it('status.reason overrides the phase (Evicted) and SchedulingGated is shown', () => {
    expect(podStatusReason(pod({ containers: containers('a') }, { phase: 'Failed', reason: 'Evicted' }))).toBe('Evicted');
    expect(
      podStatusReason(pod({ containers: containers('a') }, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] })),
    ).toBe('SchedulingGated');
  });

  it('survives a pod with no spec or status at all', () => {
    const p: KubeObject = { metadata: { name: 'bare', uid: 'x' } };
    expect(podSummary(p)).toEqual({ reason: '', readyContainers: 0, totalContainers: 0, restarts: 0, lastRestartAt: undefined });
    expect(podReady(p)).toBe('0/0');
  });
});

describe('RESTARTS column', () => {
  const now = Date.parse('2026-11-27T01:05:00Z');
  it('prints "N (age ago)" when a restart time is known, else the count', () => {
    const spec = { containers: containers('a', 'b') };
    const p = pod(spec, {
      phase: 'Running',
      containerStatuses: [
        running('a', true, 2, { lastState: { terminated: { finishedAt: '2026-11-27T00:00:00Z' } } }),
        running('b', true, 1, { lastState: { terminated: { finishedAt: '2026-11-27T01:00:00Z' } } }),
      ],
    });
    expect(podRestarts(p)).toEqual({ count: 3, lastRestartAt: '2026-11-27T01:00:00.000Z' });
    expect(formatPodRestarts(p, now)).toBe('3 (5m ago)');
    expect(formatPodRestarts(pod(spec, { phase: 'Running', containerStatuses: [running('a', true, 4)] }), now)).toBe('4');
    expect(formatPodRestarts(pod(spec, { phase: 'Running', containerStatuses: [running('a')] }), now)).toBe('0');
  });
});

describe('isPodProblemReason', () => {
  it.each([
    ['CrashLoopBackOff', true],
    ['ImagePullBackOff', true],
    ['ErrImagePull', true],
    ['Error', true],
    ['OOMKilled', true],
    ['Init:CrashLoopBackOff', true],
    ['Init:Error', true],
    ['Evicted', true],
    ['NotReady', true],
    ['Unknown', true],
    ['ExitCode:2', true],
    ['ExitCode:1', true],
    ['Signal:9', true],
    ['Init:ExitCode:1', true],
    ['Init:Signal:9', true],
    ['Init:OOMKilled', true],
    ['ContainerStatusUnknown', true],
    ['NodeLost', true],
    ['CreateContainerConfigError', true],
    ['CreateContainerError', true],
    ['RunContainerError', true],
    ['InvalidImageName', true],
    ['ErrImageNeverPull', true],
    ['ContainerCannotRun', true],
    ['DeadlineExceeded', true],
    ['UnexpectedAdmissionError', true],
    ['OutOfcpu', true],
    ['Failed', true],
    ['Running', false],
    ['Completed', false],
    ['Succeeded', false],
    ['Pending', false],
    ['ContainerCreating', false],
    ['PodInitializing', false],
    ['SchedulingGated', false],
    ['Init:1/3', false],
    ['Init:0/2', false],
    ['Terminating', false],
    // Exit code 0 without a reason is a success that only lacks the word "Completed".
    ['ExitCode:0', false],
  ])('%s → %s', (reason, problem) => {
    expect(isPodProblemReason(reason)).toBe(problem);
  });
});
