/**
 * The `demo` scenario: a small company cluster that looks and behaves like a real one.
 * Objects are created through the object API (defaulting, validation); the controllers then
 * schedule, pull, start, bind and report — so events and statuses arise as they would.
 */
import type { KubeObject, SimContext } from '../../types';
import { DEMO_NODES, nodeObject } from '../nodes';
import { BACKUP_CRD, backups, dataObjects } from './data';
import { monitoringObjects } from './monitoring';
import { shopObjects } from './shop';
import { staticPods, systemObjects } from './system';

/** Creates `obj` unless it already exists (scenarios may be loaded onto a non-empty store). */
export function ensure(ctx: SimContext, resource: string, obj: KubeObject): KubeObject | undefined {
  const ns = obj.metadata.namespace ?? '';
  const existing = ctx.api.get(resource, ns, obj.metadata.name ?? '');
  if (existing) return existing;
  return ctx.api.create(resource, obj);
}

function nodeEvents(ctx: SimContext, node: KubeObject): void {
  const name = node.metadata.name ?? '';
  const ref = { apiVersion: 'v1', kind: 'Node', name, uid: name };
  const kubelet = (reason: string, message: string) => ctx.recordEvent({ involvedObject: ref, reason, message, component: 'kubelet', host: name });
  kubelet('Starting', 'Starting kubelet.');
  kubelet('NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`);
  kubelet('NodeHasNoDiskPressure', `Node ${name} status is now: NodeHasNoDiskPressure`);
  kubelet('NodeHasSufficientPID', `Node ${name} status is now: NodeHasSufficientPID`);
  kubelet('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  ctx.recordEvent({ involvedObject: ref, reason: 'RegisteredNode', message: `Node ${name} event: Registered Node ${name} in Controller`, component: 'node-controller' });
  kubelet('NodeReady', `Node ${name} status is now: NodeReady`);
  ctx.recordEvent({ involvedObject: ref, reason: 'Starting', message: '', component: 'kube-proxy', host: name });
}

function setStatus(ctx: SimContext, resource: string, namespace: string, name: string, status: Record<string, unknown>): void {
  const obj = ctx.api.get(resource, namespace, name);
  if (!obj) return;
  ctx.api.update(resource, { ...obj, status: { ...((obj.status as object) ?? {}), ...status } }, { subresource: 'status' });
}

export async function loadDemo(ctx: SimContext): Promise<void> {
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    ensure(ctx, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  const nodes = DEMO_NODES.map((spec) => ensure(ctx, 'nodes', nodeObject(spec, ctx.timestamp()))!);
  for (const n of nodes) nodeEvents(ctx, n);
  for (const [resource, obj] of systemObjects()) ensure(ctx, resource, obj);
  for (const pod of staticPods(nodes[0])) ensure(ctx, 'pods', pod);
  for (const [resource, obj] of [...shopObjects(), ...monitoringObjects(), ...dataObjects()]) ensure(ctx, resource, obj);

  ensure(ctx, 'customresourcedefinitions.apiextensions.k8s.io', BACKUP_CRD);
  for (const { object, status } of backups(ctx.now())) {
    if (ensure(ctx, 'backups.shop.example.com', object)) setStatus(ctx, 'backups.shop.example.com', object.metadata.namespace ?? '', object.metadata.name ?? '', status);
  }
  const lb = { loadBalancer: { ingress: [{ ip: '203.0.113.10', ipMode: 'VIP' }] } };
  setStatus(ctx, 'services', 'ingress-nginx', 'ingress-nginx-controller', lb);
  for (const [ns, name] of [['shop', 'shop'], ['monitoring', 'grafana']]) setStatus(ctx, 'ingresses.networking.k8s.io', ns, name, { loadBalancer: { ingress: [{ ip: '203.0.113.10' }] } });
}
