/**
 * Event reasons' message texts as the Kubernetes components (v1.32) write them, so the
 * simulated cluster's `kubectl get events` reads true. Events are written (and aggregated
 * into count/lastTimestamp) by sim-core's `recordEvent`; see `Runtime.event`.
 */

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

