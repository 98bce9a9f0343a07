/**
 * How a simulated container behaves, read from the pod: a failing image name, an annotation
 * the scenarios (and users) can set, or the restart policy (Jobs run to completion).
 *
 * Annotation `sim.pilothouse.dev/behavior` on the pod (or its template), comma-separated,
 * each item optionally scoped to one container as `<item>:<container>`:
 *   crashloop        exits with code 1 a few seconds after every start (CrashLoopBackOff)
 *   oomkill          is OOMKilled (exit 137) after every start
 *   fail             a run-to-completion container exits 1 (Job pods end in Error)
 *   readiness-fail   never passes its readiness probe (Unhealthy events, not Ready)
 *   liveness-fail    fails its liveness probe and is restarted by the kubelet
 *   imagepull        the image can never be pulled (ErrImagePull / ImagePullBackOff)
 *   slow-shutdown    uses its whole termination grace period when deleted
 * Annotation `sim.pilothouse.dev/run-seconds`: how long run-to-completion containers run (default 5).
 */
import type { Container, Pod } from './model';

export const BEHAVIOR_ANNOTATION = 'sim.pilothouse.dev/behavior';
export const RUN_SECONDS_ANNOTATION = 'sim.pilothouse.dev/run-seconds';

export type Behaviour = 'run' | 'crashloop' | 'oomkill' | 'fail' | 'readiness-fail' | 'liveness-fail' | 'imagepull';

const KNOWN = new Set(['crashloop', 'oomkill', 'fail', 'readiness-fail', 'liveness-fail', 'imagepull', 'slow-shutdown']);

/** Images that no registry has: tags or names that say so, as in the classic demos. */
export function imageIsUnpullable(image: string | undefined): boolean {
  if (!image) return true;
  return /does-?not-?exist|nonexist|no-such-image|invalid-registry|:0\.0\.0-missing/i.test(image);
}

function annotationItems(pod: Pod): Array<{ item: string; container?: string }> {
  const raw = pod.metadata.annotations?.[BEHAVIOR_ANNOTATION] ?? '';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const [item, container] = s.split(':');
      return { item, container };
    })
    .filter((x) => KNOWN.has(x.item));
}

export function hasPodBehaviour(pod: Pod, item: string): boolean {
  return annotationItems(pod).some((x) => x.item === item);
}

/** The behaviour of one container of `pod`. */
export function containerBehaviour(pod: Pod, container: Container): Behaviour {
  if (imageIsUnpullable(container.image)) return 'imagepull';
  const items = annotationItems(pod).filter((x) => !x.container || x.container === container.name);
  for (const want of ['imagepull', 'oomkill', 'crashloop', 'liveness-fail', 'readiness-fail', 'fail'] as const) {
    if (items.some((x) => x.item === want)) return want;
  }
  // A one-line shell command that ends in `exit 1` fails, as it would in a real container.
  // Scripts with loops or conditionals (retry-until-reachable checks) are taken to succeed.
  const cmd = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
  const scripted = /\n|\b(for|while|until|if|case)\b/.test(cmd);
  if (!scripted && /(^|[;&|]\s*|\s)exit\s+[1-9]\d*\s*$/.test(cmd)) return pod.spec.restartPolicy === 'Always' || !pod.spec.restartPolicy ? 'crashloop' : 'fail';
  return 'run';
}

/** Seconds a run-to-completion container runs before it exits. */
export function runSeconds(pod: Pod): number {
  const raw = Number(pod.metadata.annotations?.[RUN_SECONDS_ANNOTATION]);
  return Number.isFinite(raw) && raw > 0 ? raw : 5;
}

/** True for pods whose containers exit when done (Job pods, restartPolicy Never/OnFailure). */
export function runsToCompletion(pod: Pod): boolean {
  return pod.spec.restartPolicy === 'Never' || pod.spec.restartPolicy === 'OnFailure';
}
