/**
 * The deployment controller's rolling-update arithmetic (pkg/controller/deployment/rolling.go
 * and util/deployment_util.go), as pure functions over replica counts.
 */

export type IntOrPercent = number | string | undefined;

/** Resolves maxSurge (rounds up) / maxUnavailable (rounds down) against the desired replicas. */
export function resolveIntOrPercent(value: IntOrPercent, total: number, roundUp: boolean, fallback: string): number {
  const v = value ?? fallback;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    const n = Number(v);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage: "${v}"`);
  }
  const raw = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(raw) : Math.floor(raw);
}

/** maxSurge and maxUnavailable; both zero is not allowed, so maxUnavailable becomes 1 (as upstream). */
export function surgeAndUnavailable(replicas: number, maxSurge: IntOrPercent, maxUnavailable: IntOrPercent): { surge: number; unavailable: number } {
  const surge = resolveIntOrPercent(maxSurge, replicas, true, '25%');
  let unavailable = resolveIntOrPercent(maxUnavailable, replicas, false, '25%');
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, replicas) };
}

export interface RSCounts {
  name: string;
  /** spec.replicas */
  replicas: number;
  /** status.availableReplicas */
  available: number;
  /** Creation time, for oldest-first scale-down. */
  created: number;
}

/** How many replicas the new ReplicaSet should have now (reconcileNewReplicaSet). */
export function newReplicaSetTarget(desired: number, surge: number, newRS: RSCounts, all: RSCounts[]): number {
  if (newRS.replicas === desired) return desired;
  if (newRS.replicas > desired) return desired;
  const current = all.reduce((n, rs) => n + rs.replicas, 0);
  const maxTotal = desired + surge;
  if (current >= maxTotal) return newRS.replicas;
  const scaleUp = Math.min(maxTotal - current, desired - newRS.replicas);
  return newRS.replicas + Math.max(0, scaleUp);
}

/**
 * New spec.replicas for each old ReplicaSet (reconcileOldReplicaSets): first drop unhealthy
 * (unavailable) old replicas, then scale down available ones while keeping minAvailable.
 */
export function oldReplicaSetTargets(desired: number, unavailable: number, newRS: RSCounts, old: RSCounts[]): Map<string, number> {
  const targets = new Map(old.map((rs) => [rs.name, rs.replicas]));
  const oldCount = old.reduce((n, rs) => n + rs.replicas, 0);
  if (oldCount === 0) return targets;
  const allCount = oldCount + newRS.replicas;
  const minAvailable = desired - unavailable;
  const newUnavailable = newRS.replicas - newRS.available;
  let maxScaledDown = allCount - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return targets;
  const oldestFirst = [...old].sort((a, b) => a.created - b.created || a.name.localeCompare(b.name));
  // cleanupUnhealthyReplicas
  let cleaned = 0;
  for (const rs of oldestFirst) {
    if (cleaned >= maxScaledDown) break;
    const cur = targets.get(rs.name)!;
    if (cur === 0 || cur === rs.available) continue;
    const down = Math.min(maxScaledDown - cleaned, cur - rs.available);
    targets.set(rs.name, cur - down);
    cleaned += down;
  }
  maxScaledDown -= cleaned;
  // scaleDownOldReplicaSetsForRollingUpdate
  const availableTotal = newRS.available + old.reduce((n, rs) => n + Math.min(rs.available, targets.get(rs.name)!), 0);
  if (availableTotal <= minAvailable) return targets;
  let total = Math.min(availableTotal - minAvailable, maxScaledDown);
  for (const rs of oldestFirst) {
    if (total <= 0) break;
    const cur = targets.get(rs.name)!;
    if (cur === 0) continue;
    const down = Math.min(cur, total);
    targets.set(rs.name, cur - down);
    total -= down;
  }
  return targets;
}
