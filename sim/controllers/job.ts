/**
 * job-controller: runs pods to `completions` (at most `parallelism` at once; Indexed jobs get
 * one pod per completion index), counts succeeded/failed (OnFailure restarts count as
 * failures), backs off before replacing failed pods, fails the Job past `backoffLimit` or
 * `activeDeadlineSeconds`, and writes the conditions/counters `kubectl get jobs` shows.
 * Also ttl-after-finished: deletes finished Jobs after ttlSecondsAfterFinished.
 */
import { msg } from './events';
import type { KubeObject, LabelSelector, PodTemplateSpec } from './model';
import { rfc3339, timeMs } from './model';
import { isActive, type PodSummary } from './podSummary';
import { ownerKeysForPod, podFromTemplate } from './replicaset';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

export interface Job extends KubeObject {
  spec: {
    completions?: number | null;
    parallelism?: number;
    backoffLimit?: number;
    completionMode?: string;
    activeDeadlineSeconds?: number;
    ttlSecondsAfterFinished?: number;
    suspend?: boolean;
    selector?: LabelSelector;
    template: PodTemplateSpec;
  };
  status?: {
    conditions?: Array<{ type: string; status: string; reason?: string; message?: string; lastProbeTime?: string; lastTransitionTime?: string }>;
    startTime?: string;
    completionTime?: string;
    active?: number;
    succeeded?: number;
    failed?: number;
    [key: string]: unknown;
  };
}

const INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';

export function jobFinished(job: Job): 'Complete' | 'Failed' | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

export class JobController implements Controller {
  readonly name = 'job';
  private readonly notBefore = new Map<string, number>();

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.jobs && ev.object && ev.type !== 'DELETED') return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource === R.pods) return ownerKeysForPod(ev, 'Job', rt);
    return [];
  }

  start(rt: Runtime): void {
    for (const j of rt.list(R.jobs)) rt.enqueue(this.name, `${j.metadata.namespace}/${j.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const job = rt.get<Job>(R.jobs, ns, name);
    if (!job || job.metadata.deletionTimestamp) return;
    const uid = job.metadata.uid ?? '';
    const finished = jobFinished(job);
    if (finished) return this.expire(job, rt);
    const pods = rt.podsOwnedBy(uid).filter((p) => p.controllerUid === uid);
    const active = pods.filter(isActive);
    const succeededPods = pods.filter((p) => p.phase === 'Succeeded');
    const onFailureRestarts = job.spec.template.spec.restartPolicy === 'OnFailure' ? active.reduce((n, p) => n + p.restarts, 0) : 0;
    const failed = pods.filter((p) => p.phase === 'Failed').length + onFailureRestarts;
    const indexed = job.spec.completionMode === 'Indexed';
    const parallelism = job.spec.parallelism ?? 1;
    const completions = job.spec.completions ?? (job.spec.parallelism !== undefined ? null : 1);
    const doneIndexes = new Set(succeededPods.map((p) => this.indexOf(p, rt)).filter((i): i is number => i !== undefined));
    const succeeded = indexed ? doneIndexes.size : succeededPods.length;
    const now = rt.now();
    const startTime = job.status?.startTime ?? rfc3339(now);

    let outcome: { type: 'Complete' | 'Failed'; reason: string; message: string } | undefined;
    if (failed > (job.spec.backoffLimit ?? 6)) outcome = { type: 'Failed', reason: 'BackoffLimitExceeded', message: msg.jobBackoffLimit };
    else if (job.spec.activeDeadlineSeconds && (now - timeMs(startTime)) * rt.speed > job.spec.activeDeadlineSeconds * 1000) {
      outcome = { type: 'Failed', reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
    } else if (completions !== null ? succeeded >= completions : succeeded > 0 && active.length === 0) {
      outcome = { type: 'Complete', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
    }

    if (outcome) {
      for (const p of active) rt.remove(R.pods, ns, p.name, { preconditions: { uid: p.uid } });
    } else if (!job.spec.suspend) {
      this.createPods(job, active, doneIndexes, completions, succeeded, parallelism, failed, rt);
    } else {
      for (const p of active) rt.remove(R.pods, ns, p.name, { preconditions: { uid: p.uid } });
    }

    const stamp = rfc3339(now);
    const conditions = [...(job.status?.conditions ?? []).filter((c) => c.type !== 'Suspended')];
    if (job.spec.suspend) conditions.push({ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: stamp, lastTransitionTime: stamp });
    if (outcome) {
      const target = outcome.type === 'Complete' ? 'SuccessCriteriaMet' : 'FailureTarget';
      conditions.push({ type: target, status: 'True', reason: outcome.reason, message: outcome.message, lastProbeTime: stamp, lastTransitionTime: stamp });
      conditions.push({ type: outcome.type, status: 'True', reason: outcome.reason, message: outcome.message, lastProbeTime: stamp, lastTransitionTime: stamp });
    }
    const nowActive = outcome || job.spec.suspend ? 0 : rt.podsOwnedBy(uid).filter((p) => p.controllerUid === uid && isActive(p)).length;
    const status: Job['status'] = {
      ...(conditions.length ? { conditions } : {}),
      startTime,
      ...(outcome?.type === 'Complete' ? { completionTime: stamp } : {}),
      ...(nowActive ? { active: nowActive } : {}),
      ...(succeeded ? { succeeded } : {}),
      ...(failed ? { failed } : {}),
      ready: active.filter((p) => p.ready).length,
      terminating: pods.filter((p) => p.deleting).length,
      uncountedTerminatedPods: {},
      ...(indexed && doneIndexes.size ? { completedIndexes: compressIndexes([...doneIndexes]) } : {}),
    };
    if (JSON.stringify(status) !== JSON.stringify(job.status ?? {})) rt.updateStatus(R.jobs, { ...job, status });
    if (outcome?.type === 'Complete') rt.event(job, 'Normal', 'Completed', msg.jobCompleted, 'job-controller');
    if (outcome?.type === 'Failed') rt.event(job, 'Warning', outcome.reason, outcome.message, 'job-controller');
    if (!outcome && job.spec.activeDeadlineSeconds) rt.enqueue(this.name, key, job.spec.activeDeadlineSeconds * 1000);
  }

  private createPods(job: Job, active: PodSummary[], doneIndexes: Set<number>, completions: number | null, succeeded: number, parallelism: number, failed: number, rt: Runtime): void {
    const key = `${job.metadata.namespace}/${job.metadata.name}`;
    const wait = (this.notBefore.get(job.metadata.uid ?? '') ?? 0) - rt.now();
    if (wait > 0) {
      rt.enqueue(this.name, key, wait * rt.speed);
      return;
    }
    const remaining = completions === null ? (succeeded > 0 ? 0 : parallelism) : completions - succeeded;
    const want = Math.max(0, Math.min(parallelism, remaining) - active.length);
    const busy = new Set(active.map((p) => this.indexOf(p, rt)));
    const indexes: Array<number | undefined> = [];
    if (job.spec.completionMode === 'Indexed') {
      for (let i = 0; i < (completions ?? 0) && indexes.length < want; i++) if (!doneIndexes.has(i) && !busy.has(i)) indexes.push(i);
    } else for (let i = 0; i < want; i++) indexes.push(undefined);
    for (const index of indexes) {
      const pod = podFromTemplate(job, job.spec.template, { generateName: index === undefined ? `${job.metadata.name}-` : `${job.metadata.name}-${index}-` });
      const uid = job.metadata.uid ?? '';
      pod.metadata.labels = { ...pod.metadata.labels, 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': job.metadata.name ?? '', 'controller-uid': uid, 'job-name': job.metadata.name ?? '' };
      if (index !== undefined) {
        pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [INDEX_ANNOTATION]: String(index) };
        pod.metadata.labels[INDEX_ANNOTATION] = String(index);
        pod.spec.hostname = `${job.metadata.name}-${index}`;
        pod.spec.containers = pod.spec.containers.map((c) => ({ ...c, env: [...((c.env as unknown[]) ?? []), { name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${INDEX_ANNOTATION}']` } } }] }));
      }
      const created = rt.create(R.pods, pod);
      rt.event(job, 'Normal', 'SuccessfulCreate', msg.createdPod(created.metadata.name ?? ''), 'job-controller');
    }
    // Failed pods are replaced after an exponential back-off (10s, 20s, … capped at 6 min).
    if (failed > 0 && indexes.length) this.notBefore.set(job.metadata.uid ?? '', rt.now() + Math.min(360_000, 10_000 * 2 ** (failed - 1)) / rt.speed);
  }

  private indexOf(p: PodSummary, rt: Runtime): number | undefined {
    const raw = p.labels[INDEX_ANNOTATION] ?? rt.getPod(p.namespace, p.name)?.metadata.annotations?.[INDEX_ANNOTATION];
    return raw === undefined ? undefined : Number(raw);
  }

  /** ttl-after-finished-controller. */
  private expire(job: Job, rt: Runtime): void {
    const ttl = job.spec.ttlSecondsAfterFinished;
    if (ttl === undefined) return;
    const finishedAt = timeMs(job.status?.completionTime ?? job.status?.conditions?.find((c) => c.type === 'Failed')?.lastTransitionTime);
    const due = finishedAt + (ttl * 1000) / rt.speed - rt.now();
    if (due > 0) return rt.enqueue(this.name, `${job.metadata.namespace}/${job.metadata.name}`, due * rt.speed);
    rt.remove(R.jobs, job.metadata.namespace, job.metadata.name ?? '', { propagationPolicy: 'Foreground', preconditions: { uid: job.metadata.uid } });
  }
}

/** [0,1,2,4] → "0-2,4", as status.completedIndexes. */
export function compressIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j;
  }
  return parts.join(',');
}
