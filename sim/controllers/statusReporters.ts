/**
 * Controllers that only report status, so `kubectl get hpa,pdb,quota` read like a live cluster:
 * - horizontal-pod-autoscaler: current/desired replicas of the target and plausible metrics
 *   (utilisation drifts below the target, so nothing actually rescales);
 * - disruption-controller: healthy/expected pods and disruptionsAllowed of each PDB;
 * - resourcequota-controller: `used` for pods, requests/limits, PVCs and services.
 * They are recomputed when pods or targets change, and at most every few (simulated) seconds.
 */
import { fnv32a, selectorMatches } from './meta';
import type { KubeObject, LabelSelector } from './model';
import { rfc3339 } from './model';
import { isActive } from './podSummary';
import { formatBinary } from './quantity';
import { R } from './resources';
import type { CachedEvent, Controller, Runtime } from './runtime';

const HPA = 'horizontalpodautoscalers.autoscaling';
const PDB = 'poddisruptionbudgets.policy';
const QUOTA = 'resourcequotas';
const RESYNC_MS = 15_000;

interface Hpa extends KubeObject {
  spec: { scaleTargetRef: { kind: string; name: string }; minReplicas?: number; maxReplicas: number; metrics?: Array<{ type: string; resource?: { name: string; target: { type: string; averageUtilization?: number } } }> };
}

const TARGETS: Record<string, string> = { Deployment: R.deployments, StatefulSet: R.statefulSets, ReplicaSet: R.replicaSets };

function readObject<T extends KubeObject>(rt: Runtime, resource: string, namespace: string, name: string): T | undefined {
  return rt.ctx.store.get(resource, namespace, name)?.parse() as unknown as T | undefined;
}

/** Writes `status` when it differs from the object's current one (ignoring volatile timestamps). */
function writeStatus(rt: Runtime, resource: string, obj: KubeObject, status: Record<string, unknown>, compare: (s: unknown) => string = JSON.stringify): void {
  if (compare(status) === compare(obj.status ?? {})) return;
  rt.updateStatus(resource, { ...obj, status });
}

export class StatusReporters implements Controller {
  readonly name = 'status-reporters';

  keysFor(resource: string, ev: CachedEvent): string[] {
    const ns = ev.pod?.namespace ?? ev.object?.metadata.namespace;
    if (!ns) return [];
    if (resource === R.pods || resource === R.deployments || resource === R.statefulSets || resource === R.persistentVolumeClaims || resource === R.services) return [ns];
    return [];
  }

  start(rt: Runtime): void {
    for (const ns of rt.list(R.namespaces)) rt.enqueue(this.name, ns.metadata.name ?? '');
  }

  sync(namespace: string, rt: Runtime): void {
    const store = rt.ctx.store;
    for (const s of store.list(HPA, { namespace })) this.hpa(readObject<Hpa>(rt, HPA, namespace, s.name)!, rt);
    for (const s of store.list(PDB, { namespace })) this.pdb(readObject(rt, PDB, namespace, s.name)!, rt);
    for (const s of store.list(QUOTA, { namespace })) this.quota(readObject(rt, QUOTA, namespace, s.name)!, rt);
    if (store.list(HPA, { namespace }).length) rt.enqueue(this.name, namespace, RESYNC_MS);
  }

  private hpa(hpa: Hpa, rt: Runtime): void {
    const ns = hpa.metadata.namespace ?? '';
    const ref = hpa.spec.scaleTargetRef;
    const resource = TARGETS[ref.kind];
    const target = resource ? rt.get<KubeObject & { spec?: { replicas?: number }; status?: { replicas?: number } }>(resource, ns, ref.name) : undefined;
    const now = rfc3339(rt.now());
    const min = hpa.spec.minReplicas ?? 1;
    if (!target) {
      writeStatus(rt, HPA, hpa, {
        currentReplicas: 0, desiredReplicas: 0,
        conditions: [{ type: 'AbleToScale', status: 'False', lastTransitionTime: now, reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${resource ?? ref.kind} "${ref.name}" not found` }],
      }, (s) => JSON.stringify((s as { conditions?: Array<{ reason: string }> }).conditions?.map((c) => c.reason)));
      return;
    }
    const current = target.status?.replicas ?? target.spec?.replicas ?? 0;
    const desired = Math.min(hpa.spec.maxReplicas, Math.max(min, current));
    // A slow sine per HPA between 35 % and 65 % of the target: plausible, below every threshold.
    const phase = (fnv32a(hpa.metadata.uid ?? '') % 1000) / 1000;
    const wave = 0.5 + 0.15 * Math.sin((rt.now() / 600_000 + phase) * 2 * Math.PI);
    const currentMetrics = (hpa.spec.metrics ?? []).filter((m) => m.type === 'Resource' && m.resource).map((m) => {
      const util = Math.round((m.resource!.target.averageUtilization ?? 80) * wave);
      const request = m.resource!.name === 'cpu' ? 100 : 128;
      const value = m.resource!.name === 'cpu' ? `${Math.round((request * util) / 100)}m` : formatBinary(Math.round((request * util) / 100) * 2 ** 20);
      return { type: 'Resource', resource: { name: m.resource!.name, current: { averageUtilization: util, averageValue: value } } };
    });
    const prev = (hpa.status as { conditions?: Array<{ type: string; lastTransitionTime: string }> } | undefined)?.conditions ?? [];
    const since = (type: string) => prev.find((c) => c.type === type)?.lastTransitionTime ?? now;
    const limited = desired === min && current <= min;
    const status = {
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics,
      conditions: [
        { type: 'AbleToScale', status: 'True', lastTransitionTime: since('AbleToScale'), reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
        { type: 'ScalingActive', status: 'True', lastTransitionTime: since('ScalingActive'), reason: 'ValidMetricFound', message: 'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)' },
        limited
          ? { type: 'ScalingLimited', status: 'True', lastTransitionTime: since('ScalingLimited'), reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' }
          : { type: 'ScalingLimited', status: 'False', lastTransitionTime: since('ScalingLimited'), reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
      ],
    };
    writeStatus(rt, HPA, hpa, status);
  }

  private pdb(pdb: KubeObject, rt: Runtime): void {
    const spec = pdb.spec as { selector?: LabelSelector; minAvailable?: number | string; maxUnavailable?: number | string };
    const pods = rt.podsInNamespace(pdb.metadata.namespace ?? '').filter((p) => isActive(p) && selectorMatches(spec.selector, p.labels));
    const expected = pods.length;
    const healthy = pods.filter((p) => p.ready).length;
    const resolve = (v: number | string, roundUp: boolean) => (typeof v === 'number' ? v : (roundUp ? Math.ceil : Math.floor)((parseInt(v, 10) * expected) / 100));
    const desired = spec.minAvailable !== undefined ? resolve(spec.minAvailable, true) : Math.max(0, expected - resolve(spec.maxUnavailable ?? 1, false));
    const allowed = Math.max(0, healthy - desired);
    const prev = (pdb.status as { conditions?: Array<{ status: string; lastTransitionTime: string }> } | undefined)?.conditions?.[0];
    const condStatus = allowed > 0 ? 'True' : 'False';
    const status = {
      observedGeneration: pdb.metadata.generation ?? 1,
      disruptionsAllowed: allowed,
      currentHealthy: healthy,
      desiredHealthy: desired,
      expectedPods: expected,
      conditions: [{
        type: 'DisruptionAllowed', status: condStatus, observedGeneration: pdb.metadata.generation ?? 1,
        lastTransitionTime: prev?.status === condStatus ? prev.lastTransitionTime : rfc3339(rt.now()),
        reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods', message: '',
      }],
    };
    writeStatus(rt, PDB, pdb, status);
  }

  private quota(quota: KubeObject, rt: Runtime): void {
    const ns = quota.metadata.namespace ?? '';
    const hard = ((quota.spec as { hard?: Record<string, string> } | undefined)?.hard) ?? {};
    const pods = rt.podsInNamespace(ns).filter(isActive);
    const sum = (f: (p: (typeof pods)[number]) => number) => pods.reduce((n, p) => n + f(p), 0);
    const used: Record<string, string> = {};
    for (const key of Object.keys(hard)) {
      switch (key) {
        case 'pods': used[key] = String(pods.length); break;
        case 'requests.cpu': case 'cpu': used[key] = `${Math.round(sum((p) => p.cpu) * 1000)}m`; break;
        case 'requests.memory': case 'memory': used[key] = formatBinary(Math.round(sum((p) => p.memory) / 2 ** 20) * 2 ** 20); break;
        // Pods are summarised by requests; limits.memory is reported from them (an approximation).
        case 'limits.memory': used[key] = formatBinary(Math.round(sum((p) => p.memory) / 2 ** 20) * 2 ** 20); break;
        case 'persistentvolumeclaims': used[key] = String(rt.list(R.persistentVolumeClaims, ns).length); break;
        case 'services': used[key] = String(rt.list(R.services, ns).length); break;
        case 'services.loadbalancers': used[key] = String(rt.list<KubeObject & { spec?: { type?: string } }>(R.services, ns).filter((s) => s.spec?.type === 'LoadBalancer').length); break;
        default: used[key] = '0';
      }
      if (used[key] === '0Mi' || used[key] === '0m') used[key] = '0';
    }
    writeStatus(rt, QUOTA, quota, { hard, used });
  }
}
