/**
 * The kubelet's view of one pod as a pure state machine: init containers in order, image pulls
 * (ErrImagePull → ImagePullBackOff with growing back-off), container starts, readiness and
 * liveness probes, crashes and OOM kills with CrashLoopBackOff, and run-to-completion exits.
 *
 * `stepPod` advances every transition due at `now` and returns the Events a kubelet would
 * emit plus the time of the next transition. Durations are simulated milliseconds divided by
 * `speed`, so a fast test cluster goes through the same states as the demo, only quicker.
 */
import { containerBehaviour, runSeconds, runsToCompletion, type Behaviour } from './behaviour';
import { msg } from './events';
import { fnv32a } from './meta';
import type { Container, Pod } from './model';

export type Stage = 'pending' | 'pulling' | 'errImagePull' | 'imagePullBackOff' | 'running' | 'backoff' | 'terminated';

export interface Terminated {
  exitCode: number;
  reason: string;
  startedAt: number;
  finishedAt: number;
  containerID: string;
}

export interface ContainerRun {
  name: string;
  image: string;
  behaviour: Behaviour;
  init: boolean;
  stage: Stage;
  /** When the current stage ends (ms); Infinity = stays. */
  until: number;
  restartCount: number;
  pullFailures: number;
  containerID?: string;
  imageID?: string;
  startedAt?: number;
  /** When the readiness probe first passes (Infinity = never). */
  readyAt: number;
  /** Next readiness-probe failure report (readiness-fail behaviour). */
  probeAt: number;
  backoffSeconds?: number;
  terminated?: Terminated;
  lastTerminated?: Terminated;
}

export interface PodRun {
  uid: string;
  node: string;
  restartPolicy: string;
  sandboxAt: number;
  init: ContainerRun[];
  main: ContainerRun[];
  /** Last transition time per condition type, with the status it transitioned to. */
  conditions: Map<string, { status: string; at: number }>;
}

export interface KubeletEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
}

export interface StepEnv {
  speed: number;
  /** True when `image` is already on the node (no pull). */
  imagePresent(image: string): boolean;
  markPulled(image: string): void;
}

const SANDBOX_MS = 600;
const INIT_RUN_MS = 1500;
const MAX_BACKOFF_MS = 300_000;

/** Deterministic per-image size and pull time, so the same image always "weighs" the same. */
export function imageFacts(image: string): { bytes: number; pullMs: number; digest: string } {
  const h = fnv32a(image);
  const bytes = 8_000_000 + (h % 180_000_000);
  const digest = Array.from({ length: 8 }, (_, i) => fnv32a(`${image}#${i}`).toString(16).padStart(8, '0')).join('');
  return { bytes, pullMs: 700 + (bytes / 180_000_000) * 3000, digest };
}

export function newContainerID(): string {
  let id = '';
  for (let i = 0; i < 64; i++) id += Math.floor(Math.random() * 16).toString(16);
  return `containerd://${id}`;
}

function crashBackoffMs(restartCount: number): number {
  return restartCount <= 0 ? 0 : Math.min(MAX_BACKOFF_MS, 10_000 * 2 ** (restartCount - 1));
}

function newContainer(pod: Pod, c: Container, init: boolean): ContainerRun {
  return {
    name: c.name,
    image: c.image ?? '',
    behaviour: containerBehaviour(pod, c),
    init,
    stage: 'pending',
    until: Infinity,
    restartCount: 0,
    pullFailures: 0,
    readyAt: Infinity,
    probeAt: Infinity,
  };
}

export function newPodRun(pod: Pod, now: number, speed: number): PodRun {
  return {
    uid: pod.metadata.uid ?? '',
    node: pod.spec.nodeName ?? '',
    restartPolicy: pod.spec.restartPolicy ?? 'Always',
    sandboxAt: now + SANDBOX_MS / speed,
    init: (pod.spec.initContainers ?? []).map((c) => newContainer(pod, c, true)),
    main: pod.spec.containers.map((c) => newContainer(pod, c, false)),
    conditions: new Map(),
  };
}

/** Initialized once every init container has completed successfully. */
export function initDone(run: PodRun): boolean {
  return run.init.every((c) => c.stage === 'terminated' && c.terminated?.exitCode === 0);
}

const fieldPath = (c: ContainerRun) => (c.init ? `spec.initContainers{${c.name}}` : `spec.containers{${c.name}}`);

/** Advances `run` to `now`; returns the events emitted and when to call again (Infinity = idle). */
export function stepPod(run: PodRun, pod: Pod, now: number, env: StepEnv): { events: KubeletEvent[]; next: number } {
  const events: KubeletEvent[] = [];
  if (now < run.sandboxAt) return { events, next: run.sandboxAt };
  const containerSpecs = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]));
  const d = (ms: number) => ms / env.speed;
  // Loop until nothing else is due: one transition can make the next one due at once.
  for (let guard = 0; guard < 50; guard++) {
    let changed = false;
    const active = initDone(run) ? run.main : [run.init.find((c) => !(c.stage === 'terminated' && c.terminated?.exitCode === 0))!];
    for (const c of active) {
      if (c.stage !== 'pending' && c.until > now && c.probeAt > now) continue;
      changed = true;
      advance(c, containerSpecs.get(c.name)!, pod, now, d, env, run.restartPolicy, events);
    }
    if (!changed) break;
  }
  const live = initDone(run) ? run.main : run.init;
  const next = Math.min(...live.map((c) => Math.min(c.until, c.readyAt > now ? c.readyAt : Infinity, c.probeAt)));
  return { events, next };
}

function advance(
  c: ContainerRun,
  spec: Container,
  pod: Pod,
  now: number,
  d: (ms: number) => number,
  env: StepEnv,
  restartPolicy: string,
  events: KubeletEvent[],
): void {
  const fp = fieldPath(c);
  const ev = (type: KubeletEvent['type'], reason: string, message: string) => events.push({ type, reason, message, fieldPath: fp });
  const facts = imageFacts(c.image);
  switch (c.stage) {
    case 'pending':
    case 'backoff': {
      if (c.stage === 'backoff') c.restartCount += 1;
      if (c.behaviour === 'imagepull' || !env.imagePresent(c.image)) {
        ev('Normal', 'Pulling', msg.pulling(c.image));
        c.stage = 'pulling';
        c.until = now + d(c.behaviour === 'imagepull' ? 1200 : facts.pullMs);
      } else {
        ev('Normal', 'Pulled', msg.alreadyPresent(c.image));
        start(c, spec, pod, now, d, ev);
      }
      return;
    }
    case 'pulling': {
      if (c.behaviour === 'imagepull') {
        c.pullFailures += 1;
        ev('Warning', 'Failed', msg.failedPull(c.image));
        ev('Warning', 'Failed', msg.errImagePull);
        c.stage = 'errImagePull';
        c.until = now + d(2500);
        return;
      }
      env.markPulled(c.image);
      ev('Normal', 'Pulled', msg.pulled(c.image, facts.pullMs / 1000, facts.bytes));
      start(c, spec, pod, now, d, ev);
      return;
    }
    case 'errImagePull': {
      ev('Normal', 'BackOff', msg.backOffPull(c.image));
      ev('Warning', 'Failed', msg.errImagePullBackOff);
      c.stage = 'imagePullBackOff';
      c.until = now + d(Math.min(MAX_BACKOFF_MS, 10_000 * 2 ** (c.pullFailures - 1)));
      return;
    }
    case 'imagePullBackOff': {
      ev('Normal', 'Pulling', msg.pulling(c.image));
      c.stage = 'pulling';
      c.until = now + d(1200);
      return;
    }
    case 'running': {
      if (c.probeAt <= now && c.until > now) {
        ev('Warning', 'Unhealthy', msg.readinessFailed);
        c.probeAt = now + d(1000 * (spec.readinessProbe?.periodSeconds ?? 10));
        return;
      }
      if (c.until > now) return;
      let exitCode = 0;
      let reason = 'Completed';
      if (c.behaviour === 'crashloop' || c.behaviour === 'fail') [exitCode, reason] = [1, 'Error'];
      if (c.behaviour === 'oomkill') [exitCode, reason] = [137, 'OOMKilled'];
      if (c.behaviour === 'liveness-fail') {
        const threshold = spec.livenessProbe?.failureThreshold ?? 3;
        for (let i = 0; i < threshold; i++) ev('Warning', 'Unhealthy', msg.livenessFailed);
        ev('Normal', 'Killing', msg.killingLiveness(c.name));
        [exitCode, reason] = [137, 'Error'];
      }
      c.terminated = { exitCode, reason, startedAt: c.startedAt ?? now, finishedAt: now, containerID: c.containerID ?? '' };
      c.readyAt = Infinity;
      c.probeAt = Infinity;
      const restart = !c.init && (restartPolicy === 'Always' || (restartPolicy === 'OnFailure' && exitCode !== 0));
      const restartInit = c.init && exitCode !== 0 && restartPolicy !== 'Never';
      if (restart || restartInit) {
        c.lastTerminated = c.terminated;
        c.terminated = undefined;
        const wait = crashBackoffMs(c.restartCount);
        c.backoffSeconds = wait / 1000;
        c.stage = 'backoff';
        // The first restart is immediate; the kubelet reports it in "Error" state meanwhile.
        c.until = now + d(wait || 1000);
        if (wait > 0) ev('Warning', 'BackOff', msg.backOffRestart(c.name, pod.metadata.name ?? '', pod.metadata.namespace ?? '', pod.metadata.uid ?? ''));
      } else {
        c.stage = 'terminated';
        c.until = Infinity;
      }
      return;
    }
    case 'terminated':
      c.until = Infinity;
      return;
  }
}

function start(c: ContainerRun, spec: Container, pod: Pod, now: number, d: (ms: number) => number, ev: (t: KubeletEvent['type'], r: string, m: string) => void): void {
  c.containerID = newContainerID();
  c.imageID = `${imageRepo(c.image)}@sha256:${imageFacts(c.image).digest}`;
  ev('Normal', 'Created', msg.created(c.name));
  ev('Normal', 'Started', msg.started(c.name));
  c.stage = 'running';
  c.startedAt = now;
  const probe = spec.readinessProbe;
  c.readyAt = c.behaviour === 'readiness-fail' ? Infinity : probe ? now + d(1000 * (probe.initialDelaySeconds ?? 0) + 800) : now;
  c.probeAt = c.behaviour === 'readiness-fail' ? now + d(1000 * ((probe?.initialDelaySeconds ?? 0) + (probe?.periodSeconds ?? 10))) : Infinity;
  const jitter = 0.7 + Math.random() * 0.6;
  if (c.init) c.until = now + d(INIT_RUN_MS * jitter);
  else if (c.behaviour === 'crashloop') c.until = now + d(3000 * jitter);
  else if (c.behaviour === 'oomkill') c.until = now + d(6000 * jitter);
  else if (c.behaviour === 'liveness-fail') {
    const p = spec.livenessProbe;
    c.until = now + d(1000 * ((p?.initialDelaySeconds ?? 0) + (p?.periodSeconds ?? 10) * (p?.failureThreshold ?? 3)));
  } else if (runsToCompletion(pod)) c.until = now + d(1000 * runSeconds(pod) * (c.behaviour === 'fail' ? 0.6 : 1) * jitter);
  else c.until = Infinity;
}

/** `nginx:1.27` → `docker.io/library/nginx` (the repository part of an imageID). */
export function imageRepo(image: string): string {
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > lastSlash ? noDigest.slice(0, colon) : noDigest;
  const first = repo.split('/')[0];
  if (repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return repo;
  return repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
}
