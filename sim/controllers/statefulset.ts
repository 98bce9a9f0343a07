/**
 * statefulset-controller: ordinal pods `<name>-0..N-1` (OrderedReady: one at a time, each
 * waiting for the previous to be Running and Ready; Parallel: all at once), a PVC per
 * volumeClaimTemplate and ordinal (`<template>-<name>-<ordinal>`), stable hostname/subdomain,
 * scale-down from the highest ordinal, RollingUpdate (highest ordinal first, honouring
 * partition) and the status `kubectl rollout status statefulset` reads.
 */
import { msg } from './events';
import { clone } from './meta';
import type { KubeObject, LabelSelector, PodTemplateSpec } from './model';
import { isActive, type PodSummary } from './podSummary';
import { podFromTemplate, ownerKeysForPod } from './replicaset';
import { R } from './resources';
import { ensureRevision, REVISION_HASH_LABEL } from './revisions';
import type { CachedEvent, Controller, Runtime } from './runtime';

export interface StatefulSet extends KubeObject {
  spec: {
    replicas?: number;
    serviceName?: string;
    selector: LabelSelector;
    template: PodTemplateSpec;
    podManagementPolicy?: string;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
    volumeClaimTemplates?: KubeObject[];
    minReadySeconds?: number;
  };
  status?: Record<string, unknown>;
}

const ordinalOf = (pod: string, set: string) => Number(pod.slice(set.length + 1));

export class StatefulSetController implements Controller {
  readonly name = 'statefulset';

  keysFor(resource: string, ev: CachedEvent, rt: Runtime): string[] {
    if (resource === R.statefulSets && ev.object && ev.type !== 'DELETED') return [`${ev.object.metadata.namespace}/${ev.object.metadata.name}`];
    if (resource === R.pods) return ownerKeysForPod(ev, 'StatefulSet', rt);
    return [];
  }

  start(rt: Runtime): void {
    for (const s of rt.list(R.statefulSets)) rt.enqueue(this.name, `${s.metadata.namespace}/${s.metadata.name}`);
  }

  sync(key: string, rt: Runtime): void {
    const [ns, name] = key.split('/');
    const sts = rt.get<StatefulSet>(R.statefulSets, ns, name);
    if (!sts || sts.metadata.deletionTimestamp) return;
    const uid = sts.metadata.uid ?? '';
    const replicas = sts.spec.replicas ?? 1;
    const parallel = sts.spec.podManagementPolicy === 'Parallel';
    const revision = ensureRevision(sts, sts.spec.template, rt).name;
    const pods = () => new Map(rt.podsOwnedBy(uid).filter((p) => p.controllerUid === uid).map((p) => [ordinalOf(p.name, name), p]));
    let byOrdinal = pods();

    // Create missing ordinals in order (OrderedReady stops at the first pod not yet Running+Ready).
    for (let i = 0; i < replicas; i++) {
      const p = byOrdinal.get(i);
      if (!p) {
        this.createPod(sts, i, revision, rt);
        if (!parallel) break;
        continue;
      }
      if (!parallel && (!isActive(p) || !(p.phase === 'Running' && p.ready))) break;
    }
    byOrdinal = pods();
    // Scale down from the highest ordinal, one at a time unless Parallel.
    const extra = [...byOrdinal.entries()].filter(([i, p]) => i >= replicas && !p.deleting).sort((a, b) => b[0] - a[0]);
    for (const [, p] of parallel ? extra : extra.slice(0, 1)) this.deletePod(sts, p, rt);
    // RollingUpdate: replace the highest-ordinal outdated pod once every other pod is ready.
    if ((sts.spec.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate' && extra.length === 0) {
      const partition = sts.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
      const inRange = [...byOrdinal.entries()].filter(([i]) => i < replicas);
      const allReady = inRange.length === replicas && inRange.every(([, p]) => p.ready && !p.deleting);
      const outdated = inRange.filter(([i, p]) => i >= partition && p.labels[REVISION_HASH_LABEL] !== revision).sort((a, b) => b[0] - a[0]);
      if (allReady && outdated.length) this.deletePod(sts, outdated[0][1], rt);
    }
    this.writeStatus(sts, [...pods().values()], revision, rt);
  }

  private createPod(sts: StatefulSet, ordinal: number, revision: string, rt: Runtime): void {
    const name = `${sts.metadata.name}-${ordinal}`;
    const ns = sts.metadata.namespace ?? '';
    const pod = podFromTemplate(sts, sts.spec.template, { name });
    pod.metadata.labels = {
      ...pod.metadata.labels,
      [REVISION_HASH_LABEL]: revision,
      'statefulset.kubernetes.io/pod-name': name,
      'apps.kubernetes.io/pod-index': String(ordinal),
    };
    pod.spec.hostname = name;
    if (sts.spec.serviceName) pod.spec.subdomain = sts.spec.serviceName;
    const volumes = (pod.spec.volumes ?? []).filter((v) => !(sts.spec.volumeClaimTemplates ?? []).some((t) => t.metadata.name === v.name));
    for (const tpl of sts.spec.volumeClaimTemplates ?? []) {
      const claimName = `${tpl.metadata.name}-${name}`;
      if (!rt.get(R.persistentVolumeClaims, ns, claimName)) {
        const claim = clone(tpl);
        rt.create(R.persistentVolumeClaims, {
          apiVersion: 'v1',
          kind: 'PersistentVolumeClaim',
          metadata: { ...claim.metadata, name: claimName, namespace: ns, labels: { ...(claim.metadata.labels ?? {}), ...(sts.spec.selector.matchLabels ?? {}) } },
          spec: claim.spec,
        });
        rt.event(sts, 'Normal', 'SuccessfulCreate', msg.stsCreateClaim(claimName, name, sts.metadata.name ?? ''), 'statefulset-controller');
      }
      volumes.push({ name: tpl.metadata.name ?? '', persistentVolumeClaim: { claimName } });
    }
    if (volumes.length) pod.spec.volumes = volumes;
    rt.create(R.pods, pod);
    rt.event(sts, 'Normal', 'SuccessfulCreate', msg.stsCreatePod(name, sts.metadata.name ?? ''), 'statefulset-controller');
  }

  private deletePod(sts: StatefulSet, p: PodSummary, rt: Runtime): void {
    if (p.deleting) return;
    rt.remove(R.pods, p.namespace, p.name, { preconditions: { uid: p.uid } });
    rt.event(sts, 'Normal', 'SuccessfulDelete', msg.stsDeletePod(p.name, sts.metadata.name ?? ''), 'statefulset-controller');
  }

  private writeStatus(sts: StatefulSet, pods: PodSummary[], revision: string, rt: Runtime): void {
    const active = pods.filter(isActive);
    const updated = active.filter((p) => p.labels[REVISION_HASH_LABEL] === revision).length;
    const replicas = sts.spec.replicas ?? 1;
    const prevCurrent = (sts.status?.currentRevision as string | undefined) ?? revision;
    const complete = updated === replicas && active.length === replicas && active.every((p) => p.ready);
    const currentRevision = complete ? revision : prevCurrent;
    const status: Record<string, unknown> = {
      observedGeneration: sts.metadata.generation ?? 1,
      replicas: active.length,
      readyReplicas: active.filter((p) => p.ready).length,
      currentReplicas: active.filter((p) => p.labels[REVISION_HASH_LABEL] === currentRevision).length,
      updatedReplicas: updated,
      currentRevision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: active.filter((p) => p.ready).length,
    };
    for (const k of ['readyReplicas', 'currentReplicas', 'updatedReplicas']) if (status[k] === 0) delete status[k];
    if (JSON.stringify(status) !== JSON.stringify(sts.status ?? {})) rt.updateStatus(R.statefulSets, { ...sts, status });
  }
}

