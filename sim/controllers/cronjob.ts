/**
 * cronjob-controller: creates a Job `<cronjob>-<minutes since epoch>` at each scheduled time
 * (cron-parser; spec.timeZone honoured), unless suspended; concurrencyPolicy Allow / Forbid /
 * Replace; trims finished Jobs to the history limits; status.active, lastScheduleTime and
 * lastSuccessfulTime.
 *
 * Time runs `speed` times faster for schedules: the controller keeps a "schedule clock" that
 * starts at the real time and advances speed× — a `* * * * *` CronJob fires every 60/speed s.
 */
import { CronExpressionParser } from 'cron-parser';
import { msg } from './events';
import { controllerRef } from './meta';
import type { KubeObject, ObjectMeta } from './model';
import { rfc3339, timeMs } from './model';
import { jobFinished, type Job } from './job';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

export interface CronJob extends KubeObject {
  spec: {
    schedule: string;
    timeZone?: string;
    suspend?: boolean;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    startingDeadlineSeconds?: number;
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
    jobTemplate: { metadata?: ObjectMeta; spec: Job['spec'] };
  };
  status?: { active?: Array<Record<string, string>>; lastScheduleTime?: string; lastSuccessfulTime?: string };
}

const SCHEDULED_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** The next schedule time strictly after `afterMs`, or an Error for an invalid schedule. */
export function nextRun(schedule: string, afterMs: number, timeZone?: string): number | Error {
  try {
    const it = CronExpressionParser.parse(schedule, { currentDate: new Date(afterMs), ...(timeZone ? { tz: timeZone } : {}) });
    return it.next().getTime();
  } catch (err) {
    return err as Error;
  }
}

export class CronJobController implements Controller {
  readonly name = 'cronjob';
  private origin = 0;
  /** Schedule-clock time each CronJob (by uid) last fired for. */
  private readonly lastFired = new Map<string, number>();
  /** Jobs already reported as seen completed. */
  private readonly seen = new Set<string>();

  keysFor(resource: string, ev: CachedEvent): string[] {
    const o = ev.object;
    if (!o) return [];
    if (resource === R.cronJobs && ev.type !== 'DELETED') return [`${o.metadata.namespace}/${o.metadata.name}`];
    if (resource === R.jobs) {
      const ref = o.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'CronJob');
      return ref ? [`${o.metadata.namespace}/${ref.name}`] : [];
    }
    return [];
  }

  start(rt: Runtime): void {
    this.origin = rt.now();
    for (const c of rt.list(R.cronJobs)) rt.enqueue(this.name, `${c.metadata.namespace}/${c.metadata.name}`);
  }

  /** The schedule clock: real time at start, then advancing `speed`× faster. */
  private scheduleNow(rt: Runtime): number {
    return this.origin + (rt.now() - this.origin) * rt.speed;
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const cj = rt.get<CronJob>(R.cronJobs, ns, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const uid = cj.metadata.uid ?? '';
    const jobs = rt.dependentsOf(uid).filter((d) => d.resource === R.jobs).map((d) => d.object as Job);
    const active = jobs.filter((j) => !jobFinished(j) && !j.metadata.deletionTimestamp);
    this.reportFinished(cj, jobs, rt);
    this.trimHistory(cj, jobs, rt);

    const now = this.scheduleNow(rt);
    if (!this.lastFired.has(uid)) this.lastFired.set(uid, Math.max(timeMs(cj.metadata.creationTimestamp), now - 1));
    const next = nextRun(cj.spec.schedule, this.lastFired.get(uid)!, cj.spec.timeZone);
    if (next instanceof Error) {
      rt.event(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: "${cj.spec.schedule}" : ${next.message}`, 'cronjob-controller');
      return;
    }
    let scheduledAt: number | undefined;
    if (next <= now) {
      // Missed runs collapse into the most recent one, as the real controller does.
      let latest = next;
      for (let guard = 0; guard < 1000; guard++) {
        const n = nextRun(cj.spec.schedule, latest, cj.spec.timeZone);
        if (n instanceof Error || n > now) break;
        latest = n;
      }
      this.lastFired.set(uid, latest);
      if (!cj.spec.suspend) scheduledAt = latest;
    }
    let lastScheduleTime = cj.status?.lastScheduleTime;
    if (scheduledAt !== undefined) {
      if (this.fire(cj, scheduledAt, active, rt)) lastScheduleTime = rfc3339(rt.now());
    }
    this.writeStatus(cj, lastScheduleTime, rt);
    const upcoming = nextRun(cj.spec.schedule, this.lastFired.get(uid)!, cj.spec.timeZone);
    if (!(upcoming instanceof Error)) rt.enqueue(this.name, key, Math.max(1, upcoming - this.scheduleNow(rt)) + 5);
  }

  /** Creates the Job for `scheduledAt` per concurrencyPolicy; true when a Job was created. */
  private fire(cj: CronJob, scheduledAt: number, active: Job[], rt: Runtime): boolean {
    const policy = cj.spec.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length) {
      rt.event(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', 'cronjob-controller');
      return false;
    }
    if (policy === 'Replace') {
      for (const j of active) {
        rt.remove(R.jobs, j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
        rt.event(cj, 'Normal', 'SuccessfulDelete', msg.cronDeletedJob(j.metadata.name ?? ''), 'cronjob-controller');
      }
    }
    const jobName = `${cj.metadata.name}-${Math.floor(scheduledAt / 60000)}`;
    if (rt.get(R.jobs, cj.metadata.namespace, jobName)) return false;
    const tpl = cj.spec.jobTemplate;
    const job: Job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: jobName,
        namespace: cj.metadata.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        annotations: { ...(tpl.metadata?.annotations ?? {}), [SCHEDULED_ANNOTATION]: rfc3339(scheduledAt) },
        ownerReferences: [controllerRef(cj)],
      },
      spec: structuredClone(tpl.spec),
    };
    rt.create(R.jobs, job);
    rt.event(cj, 'Normal', 'SuccessfulCreate', msg.cronCreatedJob(jobName), 'cronjob-controller');
    return true;
  }

  private reportFinished(cj: CronJob, jobs: Job[], rt: Runtime): void {
    for (const j of jobs) {
      const state = jobFinished(j);
      const uid = j.metadata.uid ?? '';
      if (!state || this.seen.has(uid)) continue;
      this.seen.add(uid);
      rt.event(cj, 'Normal', 'SawCompletedJob', msg.cronSawCompleted(j.metadata.name ?? '', state), 'cronjob-controller');
    }
  }

  private trimHistory(cj: CronJob, jobs: Job[], rt: Runtime): void {
    const byAge = (a: Job, b: Job) => timeMs(a.metadata.creationTimestamp) - timeMs(b.metadata.creationTimestamp) || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');
    for (const [state, limit] of [['Complete', cj.spec.successfulJobsHistoryLimit ?? 3], ['Failed', cj.spec.failedJobsHistoryLimit ?? 1]] as const) {
      const finished = jobs.filter((j) => jobFinished(j) === state && !j.metadata.deletionTimestamp).sort(byAge);
      for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
        rt.remove(R.jobs, j.metadata.namespace, j.metadata.name ?? '', { propagationPolicy: 'Background' });
        rt.event(cj, 'Normal', 'SuccessfulDelete', msg.cronDeletedJob(j.metadata.name ?? ''), 'cronjob-controller');
      }
    }
  }

  private writeStatus(cj: CronJob, lastScheduleTime: string | undefined, rt: Runtime): void {
    const uid = cj.metadata.uid ?? '';
    const jobs = rt.dependentsOf(uid).filter((d) => d.resource === R.jobs).map((d) => d.object as Job);
    const active = jobs.filter((j) => !jobFinished(j) && !j.metadata.deletionTimestamp);
    const succeeded = jobs.map((j) => j.status?.completionTime).filter((t): t is string => !!t).sort();
    const status: NonNullable<CronJob['status']> = {
      ...(active.length ? { active: active.map((j) => ({ apiVersion: 'batch/v1', kind: 'Job', name: j.metadata.name ?? '', namespace: j.metadata.namespace ?? '', uid: j.metadata.uid ?? '', resourceVersion: j.metadata.resourceVersion ?? '' })) } : {}),
      ...(lastScheduleTime ? { lastScheduleTime } : {}),
      ...(succeeded.length || cj.status?.lastSuccessfulTime ? { lastSuccessfulTime: succeeded[succeeded.length - 1] ?? cj.status?.lastSuccessfulTime } : {}),
    };
    const comparable = (s: CronJob['status']) => JSON.stringify({ ...s, active: s?.active?.map((a) => a.uid) });
    if (comparable(status) !== comparable(cj.status ?? {})) {
      const latest = rt.get<CronJob>(R.cronJobs, cj.metadata.namespace, cj.metadata.name ?? '') ?? cj;
      rt.updateStatus(R.cronJobs, { ...latest, status });
    }
  }
}
