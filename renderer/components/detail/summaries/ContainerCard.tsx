/** One container: image, ports, probes, requests/limits, restarts, state and last state. */
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/useFormat';
import { Facts } from '../Section';

interface Probe {
  httpGet?: { path?: string; port?: string | number; scheme?: string };
  tcpSocket?: { port?: string | number };
  exec?: { command?: string[] };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  failureThreshold?: number;
}

export interface ContainerSpec {
  name: string;
  image?: string;
  ports?: Array<{ name?: string; containerPort: number; protocol?: string }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}

type State = {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: { reason?: string; exitCode?: number; finishedAt?: string; message?: string };
};

export interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: State;
  lastState?: State;
}

/** kubectl describe's probe line: "http-get http://:8080/healthz delay=5s period=10s #failure=3". */
export function probeText(p: Probe | undefined): string {
  if (!p) return '';
  let what = '';
  if (p.httpGet) what = `http-get ${(p.httpGet.scheme ?? 'HTTP').toLowerCase()}://:${p.httpGet.port ?? ''}${p.httpGet.path ?? '/'}`;
  else if (p.tcpSocket) what = `tcp-socket :${p.tcpSocket.port ?? ''}`;
  else if (p.exec) what = `exec [${(p.exec.command ?? []).join(' ')}]`;
  else if (p.grpc) what = `grpc :${p.grpc.port ?? ''}`;
  return `${what} delay=${p.initialDelaySeconds ?? 0}s period=${p.periodSeconds ?? 10}s #failure=${p.failureThreshold ?? 3}`;
}

export function ContainerCard({ spec, status }: { spec: ContainerSpec; status?: ContainerStatus }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const stateText = useContainerStateText();
  const resources = (m: Record<string, string> | undefined) =>
    m
      ? Object.entries(m)
          .map(([k, v]) => `${k}: ${k === 'cpu' ? fmt.cpu(v) : k === 'memory' || k.includes('storage') ? fmt.bytes(v) : v}`)
          .join(', ')
      : '';
  return (
    <article className="card container-card" aria-label={spec.name}>
      <h3 className="mono ellipsis" title={spec.name}>
        {spec.name}
        {status && <span className={`badge ${status.ready ? 'badge-ok' : 'badge-warn'}`}>{status.ready ? t('pod.ready') : t('pod.no')}</span>}
      </h3>
      <Facts
        items={[
          [t('pod.image'), <span className="mono wrap">{spec.image}</span>],
          (spec.ports?.length ?? 0) > 0 && [
            t('pod.ports'),
            <span className="mono">{spec.ports!.map((p) => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ')}</span>,
          ],
          spec.livenessProbe && [t('pod.liveness'), <span className="mono wrap">{probeText(spec.livenessProbe)}</span>],
          spec.readinessProbe && [t('pod.readiness'), <span className="mono wrap">{probeText(spec.readinessProbe)}</span>],
          spec.startupProbe && [t('pod.startup'), <span className="mono wrap">{probeText(spec.startupProbe)}</span>],
          spec.resources?.requests && [t('pod.requests'), <span className="mono">{resources(spec.resources.requests)}</span>],
          spec.resources?.limits && [t('pod.limits'), <span className="mono">{resources(spec.resources.limits)}</span>],
          status && [t('pod.restarts'), fmt.count(status.restartCount ?? 0)],
          status?.state && [t('pod.state'), <span className="wrap">{stateText(status.state)}</span>],
          status?.lastState && Object.keys(status.lastState).length > 0 && [t('pod.lastState'), <span className="wrap">{stateText(status.lastState)}</span>],
        ]}
      />
    </article>
  );
}

/** A container state in kubectl describe's words (state names stay in English; times per locale). */
export function useContainerStateText() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (state: State | undefined): string => {
    if (!state) return '';
    if (state.running) return `Running ${t('pod.since', { time: fmt.time(state.running.startedAt) })}`;
    if (state.waiting) return `Waiting: ${state.waiting.reason ?? ''}${state.waiting.message ? ` (${state.waiting.message})` : ''}`;
    if (state.terminated) {
      const r = state.terminated;
      return `Terminated: ${r.reason ?? ''} (${t('pod.exitCode', { code: r.exitCode })})${r.finishedAt ? ` ${fmt.time(r.finishedAt)}` : ''}`;
    }
    return '';
  };
}
