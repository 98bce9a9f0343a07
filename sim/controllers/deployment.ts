/**
 * deployment-controller: one ReplicaSet per distinct pod template (named `<deploy>-<pod-template-hash>`),
 * revision annotations (an old ReplicaSet that becomes current again — `kubectl rollout undo` —
 * gets the next revision), RollingUpdate within maxSurge/maxUnavailable or Recreate, history
 * cleanup, and status with the Available/Progressing conditions `kubectl rollout status` reads.
 */
import { msg } from './events';
import { clone, controllerRef, deepEqual, podTemplateHash, selectorMatches, stableStringify } from './meta';
import type { KubeObject, LabelSelector, PodTemplateSpec } from './model';
import { rfc3339, timeMs } from './model';
import { R } from './resources';
import { newReplicaSetTarget, oldReplicaSetTargets, surgeAndUnavailable, type RSCounts } from './rollout';
import type { ReplicaSet } from './replicaset';
import type { CachedEvent, Controller, Runtime } from './runtime';

export const REVISION = 'deployment.kubernetes.io/revision';
const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
const DESIRED = 'deployment.kubernetes.io/desired-replicas';
const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
const HASH = 'pod-template-hash';
/** Annotations the controller does not copy from a Deployment to its ReplicaSets. */
const NOT_COPIED = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION, REVISION_HISTORY, DESIRED, MAX_REPLICAS]);

interface Condition {
  type: string;
  status: 'True' | 'False';
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface Deployment extends KubeObject {
  spec: {
    replicas?: number;
    selector: LabelSelector;
    template: PodTemplateSpec;
    strategy?: { type?: string; rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string } };
    minReadySeconds?: number;
    revisionHistoryLimit?: number;
    progressDeadlineSeconds?: number;
    paused?: boolean;
  };
  status?: { conditions?: Condition[]; collisionCount?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number };
}

const revisionOf = (rs: KubeObject) => Number(rs.metadata.annotations?.[REVISION] ?? 0) || 0;

function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const t = clone(template);
  if (t.metadata?.labels) {
    delete t.metadata.labels[HASH];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

export class DeploymentController implements Controller {
  readonly name = 'deployment';

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    const o = ev.object;
    if (!o) return [];
    if (resource === R.deployments && ev.type !== 'DELETED') return [`${o.metadata.namespace}/${o.metadata.name}`];
    if (resource === R.replicaSets) {
      const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller && r.kind === 'Deployment');
      return ref ? [`${o.metadata.namespace}/${ref.name}`] : this.adoptersOf(ev, rt);
    }
    return [];
  }

  /**
   * Deployments that may adopt the ReplicaSet of this change: it has just become an orphan
   * (created without a controller, released by one, or relabelled) and their selector matches.
   * With the Deployment's own changes this drives adoption, so a sync only looks at the
   * namespace's orphans (`rt.orphans`), never at all of its ReplicaSets.
   */
  private adoptersOf(ev: CachedEvent, rt: Runtime): string[] {
    const rs = ev.object!;
    if (ev.type === 'DELETED' || rs.metadata.deletionTimestamp) return [];
    const prev = ev.prev;
    if (prev && !prev.metadata.ownerReferences?.some((r) => r.controller) && deepEqual(prev.metadata.labels, rs.metadata.labels)) return [];
    const ns = rs.metadata.namespace ?? '';
    return rt.list<Deployment>(R.deployments, ns)
      .filter((d) => !d.metadata.deletionTimestamp && selectorMatches(d.spec.selector, rs.metadata.labels))
      .map((d) => `${ns}/${d.metadata.name}`);
  }

  start(rt: Runtime): void {
    for (const d of rt.list(R.deployments)) rt.enqueue(this.name, `${d.metadata.namespace}/${d.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const d = rt.get<Deployment>(R.deployments, ns, name);
    if (!d || d.metadata.deletionTimestamp) return;
    const uid = d.metadata.uid ?? '';
    this.adoptOrphans(d, rt);
    const all = rt.dependentsOf(uid).filter((x) => x.resource === R.replicaSets && x.object.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller)).map((x) => x.object as ReplicaSet);
    const desired = d.spec.replicas ?? 1;
    const wanted = stableStringify(withoutHash(d.spec.template));
    let newRS = all.find((rs) => stableStringify(withoutHash(rs.spec.template)) === wanted);
    const old = all.filter((rs) => rs !== newRS);
    const maxOldRevision = Math.max(0, ...old.map(revisionOf));
    const { surge, unavailable } = surgeAndUnavailable(desired, d.spec.strategy?.rollingUpdate?.maxSurge, d.spec.strategy?.rollingUpdate?.maxUnavailable);
    const recreate = d.spec.strategy?.type === 'Recreate';
    let createdNew = false;

    if (!d.spec.paused) {
      if (!newRS) {
        newRS = this.createReplicaSet(d, maxOldRevision + 1, recreate ? 0 : newReplicaSetTarget(desired, surge, { name: '', replicas: 0, available: 0, created: 0 }, old.map((rs) => counts(rs))), desired + surge, rt);
        createdNew = true;
      } else if (revisionOf(newRS) <= maxOldRevision) {
        newRS = this.bumpRevision(newRS, maxOldRevision + 1, rt);
      }
      if (recreate) this.recreate(d, newRS, old, desired, rt);
      else this.rollingUpdate(d, newRS, old, desired, surge, unavailable, rt);
      this.cleanupHistory(d, old, rt);
    }
    const current = newRS ? rt.get<ReplicaSet>(R.replicaSets, ns, newRS.metadata.name ?? '') ?? newRS : undefined;
    this.writeStatus(d, current, old.map((rs) => rt.get<ReplicaSet>(R.replicaSets, ns, rs.metadata.name ?? '') ?? rs), desired, unavailable, createdNew, rt);
  }

  /** ReplicaSets matching the selector with no controller (e.g. left by an orphan delete) are adopted. */
  private adoptOrphans(d: Deployment, rt: Runtime): void {
    for (const rs of rt.orphans<ReplicaSet>(R.replicaSets, d.metadata.namespace ?? '')) {
      if (rs.metadata.deletionTimestamp || (rs.metadata.ownerReferences ?? []).some((r) => r.controller)) continue;
      if (!selectorMatches(d.spec.selector, rs.metadata.labels)) continue;
      rt.mutate(R.replicaSets, rs, (draft) => {
        draft.metadata.ownerReferences = [...(draft.metadata.ownerReferences ?? []), controllerRef(d)];
      });
    }
  }

  private createReplicaSet(d: Deployment, revision: number, replicas: number, maxReplicas: number, rt: Runtime): ReplicaSet {
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount ?? 0);
    const template = clone(d.spec.template);
    template.metadata = { ...(template.metadata ?? {}), labels: { ...(template.metadata?.labels ?? {}), [HASH]: hash } };
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!NOT_COPIED.has(k)) annotations[k] = v;
    annotations[DESIRED] = String(d.spec.replicas ?? 1);
    annotations[MAX_REPLICAS] = String(maxReplicas);
    annotations[REVISION] = String(revision);
    const rs: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels: { ...(d.spec.template.metadata?.labels ?? {}), [HASH]: hash },
        annotations,
        ownerReferences: [controllerRef(d)],
      },
      spec: {
        replicas,
        minReadySeconds: d.spec.minReadySeconds ?? 0,
        selector: { ...clone(d.spec.selector), matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [HASH]: hash } },
        template,
      },
    };
    const created = rt.create(R.replicaSets, rs);
    if (replicas > 0) rt.event(d, 'Normal', 'ScalingReplicaSet', msg.scaledUp(created.metadata.name ?? '', 0, replicas), 'deployment-controller');
    return created;
  }

  private bumpRevision(rs: ReplicaSet, revision: number, rt: Runtime): ReplicaSet {
    return rt.mutate(R.replicaSets, rs, (draft) => {
      const a = (draft.metadata.annotations ??= {});
      const prior = a[REVISION];
      if (prior) a[REVISION_HISTORY] = a[REVISION_HISTORY] ? `${a[REVISION_HISTORY]},${prior}` : prior;
      a[REVISION] = String(revision);
    });
  }

  private scale(d: Deployment, rs: ReplicaSet, replicas: number, maxReplicas: number, rt: Runtime): void {
    const from = rs.spec.replicas ?? 0;
    if (from === replicas) return;
    rt.mutate(R.replicaSets, rs, (draft) => {
      draft.spec.replicas = replicas;
      const a = (draft.metadata.annotations ??= {});
      a[DESIRED] = String(d.spec.replicas ?? 1);
      a[MAX_REPLICAS] = String(maxReplicas);
    });
    const name = rs.metadata.name ?? '';
    rt.event(d, 'Normal', 'ScalingReplicaSet', replicas > from ? msg.scaledUp(name, from, replicas) : msg.scaledDown(name, from, replicas), 'deployment-controller');
  }

  private rollingUpdate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[], desired: number, surge: number, unavailable: number, rt: Runtime): void {
    const newCounts = counts(newRS);
    const oldCounts = old.map((rs) => counts(rs));
    const target = newReplicaSetTarget(desired, surge, newCounts, [newCounts, ...oldCounts]);
    this.scale(d, newRS, target, desired + surge, rt);
    const targets = oldReplicaSetTargets(desired, unavailable, { ...newCounts, replicas: target }, oldCounts);
    for (const rs of old) this.scale(d, rs, targets.get(rs.metadata.name ?? '') ?? 0, desired + surge, rt);
  }

  private recreate(d: Deployment, newRS: ReplicaSet, old: ReplicaSet[], desired: number, rt: Runtime): void {
    for (const rs of old) this.scale(d, rs, 0, desired, rt);
    const oldPodsLeft = old.some((rs) => rt.podsOwnedBy(rs.metadata.uid ?? '').length > 0);
    if (!oldPodsLeft) this.scale(d, newRS, desired, desired, rt);
  }

  /** Deletes the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit (default 10). */
  private cleanupHistory(d: Deployment, old: ReplicaSet[], rt: Runtime): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const idle = old.filter((rs) => (rs.spec.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata.deletionTimestamp);
    const excess = idle.length - limit;
    if (excess <= 0) return;
    for (const rs of idle.sort((a, b) => revisionOf(a) - revisionOf(b)).slice(0, excess)) rt.remove(R.replicaSets, rs.metadata.namespace, rs.metadata.name ?? '');
  }

  private writeStatus(d: Deployment, newRS: ReplicaSet | undefined, old: ReplicaSet[], desired: number, maxUnavailable: number, createdNew: boolean, rt: Runtime): void {
    const all = newRS ? [newRS, ...old] : old;
    const sum = (f: (rs: ReplicaSet) => number | undefined) => all.reduce((n, rs) => n + (f(rs) ?? 0), 0);
    const replicas = sum((rs) => rs.status?.replicas);
    const updated = newRS?.status?.replicas ?? 0;
    const ready = sum((rs) => rs.status?.readyReplicas);
    const available = sum((rs) => rs.status?.availableReplicas);
    const now = rfc3339(rt.now());
    const prior = d.status?.conditions ?? [];
    const cond = (type: string, status: 'True' | 'False', reason: string, message: string, touch: boolean): Condition => {
      const p = prior.find((c) => c.type === type);
      const same = p && p.status === status && p.reason === reason && p.message === message;
      return {
        type,
        status,
        lastUpdateTime: same && !touch ? p.lastUpdateTime : now,
        lastTransitionTime: p && p.status === status ? p.lastTransitionTime : now,
        reason,
        message,
      };
    };
    const rsName = newRS?.metadata.name ?? '';
    const availableCond = available >= desired - maxUnavailable
      ? cond('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', false)
      : cond('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', false);
    const complete = updated === desired && replicas === desired && available >= desired && (newRS?.status?.availableReplicas ?? 0) >= desired;
    const prevProgress = prior.find((c) => c.type === 'Progressing');
    const deadline = (d.spec.progressDeadlineSeconds ?? 600) * 1000;
    let progressing: Condition;
    if (complete) progressing = cond('Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsName}" has successfully progressed.`, false);
    else if (createdNew) progressing = cond('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${rsName}"`, true);
    else if (prevProgress?.reason === 'ProgressDeadlineExceeded' && prevProgress.message.includes(`"${rsName}"`)) progressing = cond('Progressing', 'False', 'ProgressDeadlineExceeded', prevProgress.message, false);
    else if (prevProgress && prevProgress.reason !== 'NewReplicaSetAvailable' && (rt.now() - timeMs(prevProgress.lastUpdateTime)) * rt.speed > deadline && !this.moved(d, replicas, updated, ready, available)) {
      progressing = cond('Progressing', 'False', 'ProgressDeadlineExceeded', `ReplicaSet "${rsName}" has timed out progressing.`, false);
    } else progressing = cond('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`, this.moved(d, replicas, updated, ready, available));
    const status: Record<string, unknown> = {
      observedGeneration: d.metadata.generation ?? 1,
      replicas,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      unavailableReplicas: Math.max(0, desired - available),
      conditions: [availableCond, progressing],
    };
    if (d.status?.collisionCount) status.collisionCount = d.status.collisionCount;
    for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(d.status ?? {})) {
      const fresh = { ...d, status, metadata: { ...d.metadata, annotations: { ...(d.metadata.annotations ?? {}) } } };
      rt.updateStatus(R.deployments, fresh);
    }
    const revision = newRS ? String(revisionOf(newRS)) : undefined;
    const latest = rt.get<Deployment>(R.deployments, d.metadata.namespace, d.metadata.name ?? '') ?? d;
    if (revision && latest.metadata.annotations?.[REVISION] !== revision) {
      rt.mutate(R.deployments, latest, (draft) => {
        (draft.metadata.annotations ??= {})[REVISION] = revision;
      });
    }
    if (!complete && !d.spec.paused) rt.enqueue(this.name, `${d.metadata.namespace}/${d.metadata.name}`, deadline + 1000);
  }

  /** Whether counts moved since the last status (progress resets the deadline clock). */
  private moved(d: Deployment, replicas: number, updated: number, ready: number, available: number): boolean {
    const s = d.status ?? {};
    return (s.replicas ?? 0) !== replicas || (s.updatedReplicas ?? 0) !== updated || (s.readyReplicas ?? 0) !== ready || (s.availableReplicas ?? 0) !== available;
  }
}

function counts(rs: ReplicaSet): RSCounts {
  return {
    name: rs.metadata?.name ?? '',
    replicas: rs.spec?.replicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    created: timeMs(rs.metadata?.creationTimestamp),
  };
}
