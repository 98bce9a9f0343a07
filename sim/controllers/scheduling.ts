/**
 * The scheduler's decision as a pure function: filter nodes (ready, schedulable, taints,
 * nodeSelector, resource fit, pod count), score by least requested, and — when nothing fits —
 * the FailedScheduling message in the exact form kube-scheduler writes it.
 */
import type { NodeObject, Pod, PodSpec, Taint, Toleration } from './model';
import { parseQuantity } from './quantity';

export interface PodRequests {
  cpu: number;
  memory: number;
}

/** Effective requests: max(sum of app containers, any init container), as the scheduler counts them. */
export function podRequests(spec: PodSpec): PodRequests {
  const sum = { cpu: 0, memory: 0 };
  for (const c of spec.containers ?? []) {
    sum.cpu += parseQuantity(c.resources?.requests?.cpu ?? c.resources?.limits?.cpu);
    sum.memory += parseQuantity(c.resources?.requests?.memory ?? c.resources?.limits?.memory);
  }
  for (const c of spec.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, parseQuantity(c.resources?.requests?.cpu));
    sum.memory = Math.max(sum.memory, parseQuantity(c.resources?.requests?.memory));
  }
  return sum;
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => {
    if (t.effect && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return !t.key || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

export function nodeIsReady(node: NodeObject): boolean {
  return (node.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Taints that keep `spec` off `node` (NoSchedule/NoExecute and not tolerated). */
export function untoleratedTaint(spec: PodSpec, node: NodeObject): Taint | undefined {
  return (node.spec?.taints ?? []).find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(spec.tolerations, t));
}

export type ScheduleResult = { node: string } | { message: string };

interface NodeUsage {
  cpu: number;
  memory: number;
  pods: number;
}

/**
 * Picks a node for `pod`. `usage(node)` reports what pods already bound there request.
 * The failure message lists reasons by count, sorted, like the real scheduler's FitError.
 */
export function chooseNode(pod: Pod, nodes: NodeObject[], usage: (node: string) => NodeUsage, siblings: (node: string) => number = () => 0): ScheduleResult {
  const req = podRequests(pod.spec);
  const reasons = new Map<string, number>();
  const add = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
  let best: { name: string; score: number } | undefined;
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if (!nodeIsReady(node)) { add("node(s) had untolerated taint {node.kubernetes.io/not-ready: }"); continue; }
    if (node.spec?.unschedulable) { add('node(s) were unschedulable'); continue; }
    const taint = untoleratedTaint(pod.spec, node);
    if (taint) { add(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`); continue; }
    const selector = pod.spec.nodeSelector ?? {};
    const labels = node.metadata.labels ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) { add("node(s) didn't match Pod's node affinity/selector"); continue; }
    const alloc = node.status?.allocatable ?? {};
    const used = usage(name);
    const cpuFree = parseQuantity(alloc.cpu ?? '0') - used.cpu;
    const memFree = parseQuantity(alloc.memory ?? '0') - used.memory;
    const podsFree = parseQuantity(alloc.pods ?? '110') - used.pods;
    let fits = true;
    if (podsFree < 1) { add('Too many pods'); fits = false; }
    if (req.cpu > cpuFree) { add('Insufficient cpu'); fits = false; }
    if (req.memory > memFree) { add('Insufficient memory'); fits = false; }
    if (!fits) continue;
    // LeastAllocated: prefer the node with the most room left (fraction of allocatable).
    const cpuAlloc = parseQuantity(alloc.cpu ?? '1') || 1;
    const memAlloc = parseQuantity(alloc.memory ?? '1') || 1;
    // Plus the default topology spreading: pods of the same owner prefer different nodes.
    const score = (cpuFree - req.cpu) / cpuAlloc + (memFree - req.memory) / memAlloc - used.pods * 1e-4 - siblings(name) * 0.5;
    if (!best || score > best.score) best = { name, score };
  }
  if (best) return { node: best.name };
  return { message: failedSchedulingMessage(nodes.length, reasons) };
}

/** "0/4 nodes are available: 1 node(s) had untolerated taint {...}, 3 Insufficient memory. preemption: ..." */
export function failedSchedulingMessage(total: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort();
  const head = `0/${total} nodes are available${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  const resourceShort = [...reasons.entries()].filter(([r]) => r.startsWith('Insufficient') || r === 'Too many pods');
  const victims = resourceShort.reduce((n, [, c]) => Math.max(n, c), 0);
  const notHelpful = total - victims;
  const pre: string[] = [];
  if (notHelpful > 0) pre.push(`${notHelpful} Preemption is not helpful for scheduling`);
  if (victims > 0) pre.push(`${victims} No preemption victims found for incoming pod`);
  return `${head} preemption: 0/${total} nodes are available: ${pre.join(', ')}.`;
}
