/**
 * Events as a real cluster writes them: core/v1 Events named `<object>.<hex>`, deduplicated by
 * (object, reason, message, source) into one Event whose `count` and `lastTimestamp` grow, with
 * the involvedObject, source and reporting fields the kubelet and controllers fill in.
 * The message texts below are copied from the Kubernetes sources (v1.32) so they read true.
 */
import type { KubeObject } from './model';
import { rfc3339 } from './model';
import { T } from './port';
import type { Runtime } from './runtime';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

/** The reasons and messages the simulated components emit. */
export const msg = {
  scheduled: (ns: string, pod: string, node: string) => `Successfully assigned ${ns}/${pod} to ${node}`,
  pulling: (image: string) => `Pulling image "${image}"`,
  pulled: (image: string, seconds: number, size: number) =>
    `Successfully pulled image "${image}" in ${seconds.toFixed(3)}s (${seconds.toFixed(3)}s including waiting). Image size: ${size} bytes.`,
  alreadyPresent: (image: string) => `Container image "${image}" already present on machine`,
  created: (container: string) => `Created container: ${container}`,
  started: (container: string) => `Started container ${container}`,
  killing: (container: string) => `Stopping container ${container}`,
  killingLiveness: (container: string) => `Container ${container} failed liveness probe, will be restarted`,
  backOffRestart: (container: string, pod: string, ns: string, uid: string) =>
    `Back-off restarting failed container ${container} in pod ${pod}_${ns}(${uid})`,
  backOffPull: (image: string) => `Back-off pulling image "${image}"`,
  failedPull: (image: string) =>
    `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${qualifiedImage(image)}": failed to resolve reference "${qualifiedImage(image)}": ${qualifiedImage(image)}: not found`,
  errImagePull: 'Error: ErrImagePull',
  errImagePullBackOff: 'Error: ImagePullBackOff',
  readinessFailed: 'Readiness probe failed: HTTP probe failed with statuscode: 503',
  livenessFailed: 'Liveness probe failed: HTTP probe failed with statuscode: 500',
  scaledUp: (rs: string, from: number, to: number) => `Scaled up replica set ${rs} from ${from} to ${to}`,
  scaledDown: (rs: string, from: number, to: number) => `Scaled down replica set ${rs} from ${from} to ${to}`,
  createdPod: (pod: string) => `Created pod: ${pod}`,
  deletedPod: (pod: string) => `Deleted pod: ${pod}`,
  stsCreatePod: (pod: string, sts: string) => `create Pod ${pod} in StatefulSet ${sts} successful`,
  stsDeletePod: (pod: string, sts: string) => `delete Pod ${pod} in StatefulSet ${sts} successful`,
  stsCreateClaim: (claim: string, pod: string, sts: string) => `create Claim ${claim} Pod ${pod} in StatefulSet ${sts} success`,
  jobCompleted: 'Job completed',
  jobBackoffLimit: 'Job has reached the specified backoff limit',
  cronCreatedJob: (job: string) => `Created job ${job}`,
  cronSawCompleted: (job: string, status: string) => `Saw completed job: ${job}, status: ${status}`,
  cronDeletedJob: (job: string) => `Deleted job ${job}`,
  provisioning: (ns: string, claim: string) => `External provisioner is provisioning volume for claim "${ns}/${claim}"`,
  provisioned: (pv: string) => `Successfully provisioned volume ${pv}`,
  waitForConsumer: 'waiting for first consumer to be created before binding',
  externalProvisioning: (provisioner: string) =>
    `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
  noPersistentVolume: 'no persistent volumes available for this claim and no storage class is set',
};

/** docker.io/library/nginx:latest for "nginx", as containerd reports it. */
export function qualifiedImage(image: string): string {
  let ref = image;
  if (!/[:@]/.test(ref.split('/').pop() ?? '')) ref += ':latest';
  const first = ref.split('/')[0];
  const hasRegistry = ref.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return ref;
  return ref.includes('/') ? `docker.io/${ref}` : `docker.io/library/${ref}`;
}

interface Seen {
  name: string;
  namespace: string;
  count: number;
}

/** Writes and deduplicates Events through the runtime's store port. */
export class EventRecorder {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly rt: Runtime) {}

  record(obj: KubeObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const namespace = obj.metadata.namespace ?? 'default';
    const now = rfc3339(this.rt.now());
    const dedupKey = `${obj.metadata.uid}|${reason}|${message}|${source.component}|${fieldPath ?? ''}`;
    const prior = this.seen.get(dedupKey);
    if (prior) {
      const existing = this.rt.port.get(T.Event, prior.namespace, prior.name);
      if (existing) {
        try {
          prior.count += 1;
          this.rt.port.update({ ...existing, count: prior.count, lastTimestamp: now });
          return;
        } catch {
          // Fall through and write a fresh Event (e.g. the old one expired or was deleted).
        }
      }
      this.seen.delete(dedupKey);
    }
    const name = `${obj.metadata.name}.${Array.from({ length: 16 }, () => Math.floor(Math.random() * 16).toString(16)).join('')}`;
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: obj.apiVersion,
        kind: obj.kind,
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      eventTime: null,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      this.rt.port.create(event);
      this.seen.set(dedupKey, { name, namespace, count: 1 });
      // Bound memory on long demo runs: forget the oldest keys (a repeat then starts a new Event).
      if (this.seen.size > 5000) this.seen.delete(this.seen.keys().next().value as string);
    } catch (err) {
      this.rt.log(`event ${reason} for ${obj.kind} ${obj.metadata.name} not recorded: ${(err as Error).message}`);
    }
  }
}
