/**
 * `GET /api/v1/namespaces/{ns}/pods/{name}/log`: the container's generated output with the
 * kubelet's options; `follow` streams new lines until the container stops or restarts, or the
 * pod is deleted.
 */
import type { ServerResponse } from 'node:http';
import type { SimContext, StoreEvent, SubresourceHandler } from '../../types';
import { containerStatus, getPod, resolveContainerName, type PodView } from '../pods';
import { lastLines, linesBetween, rfc3339Nano, type LogLine } from './generator';
import { currentIdentity, resolveLogInstance } from './instance';
import { parseLogOptions, type PodLogOptions } from './options';

/**
 * How far back a log file reaches. A kubelet rotates at 10 MiB; at our rates that is a few hours,
 * and a fixed window keeps a full read of a long-lived container bounded.
 */
export const LOG_RETENTION_MS = 3 * 3600_000;
/** How often a follow stream looks for new lines. */
const FOLLOW_TICK_MS = 200;

/** Writes lines with optional timestamps, stopping at limitBytes. */
class LogWriter {
  private written = 0;
  constructor(
    private readonly res: ServerResponse,
    private readonly options: PodLogOptions,
  ) {}

  /** Returns false once limitBytes is reached (the response is then ended). */
  write(lines: LogLine[]): boolean {
    if (lines.length === 0) return true;
    let text = '';
    for (const line of lines) text += this.options.timestamps ? `${rfc3339Nano(line)} ${line.text}\n` : `${line.text}\n`;
    let chunk = Buffer.from(text);
    const limit = this.options.limitBytes;
    if (limit !== undefined && this.written + chunk.length >= limit) {
      chunk = chunk.subarray(0, limit - this.written);
      this.written = limit;
      this.res.end(chunk);
      return false;
    }
    this.written += chunk.length;
    this.res.write(chunk);
    return true;
  }
}

export function createLogHandler(ctx: SimContext): SubresourceHandler {
  return ({ req, res, query, namespace, name }) => {
    const nowMs = ctx.now();
    const options = parseLogOptions(name, query, nowMs);
    const pod = getPod(ctx, namespace, name);
    const container = resolveContainerName(pod, options.container);
    res.setHeader('Content-Type', 'text/plain');
    // A pod without a node has no kubelet to ask: the API server answers with an empty body.
    if (!pod.spec?.nodeName) {
      res.end();
      return;
    }
    const resolved = resolveLogInstance(pod, container, options.previous, nowMs);
    const { instance } = resolved;
    const from = Math.max(instance.startMs, nowMs - LOG_RETENTION_MS, options.sinceMs ?? 0);
    const to = Math.min(nowMs, instance.endMs ?? nowMs);
    const initial = options.tailLines !== undefined ? lastLines(instance, options.tailLines, from, to) : linesBetween(instance, from, to);

    res.writeHead(200);
    const writer = new LogWriter(res, options);
    if (!writer.write(initial)) return;
    if (!options.follow || !resolved.running) {
      res.end();
      return;
    }
    res.flushHeaders();

    let cursor = Math.max(to, options.sinceMs ?? 0);
    let done = false;
    const emitUntil = (untilMs: number): boolean => {
      if (untilMs <= cursor) return true;
      const lines = linesBetween(instance, cursor, untilMs);
      cursor = untilMs;
      return writer.write(lines);
    };
    const finish = (untilMs?: number) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      unwatch();
      if (untilMs === undefined || emitUntil(untilMs)) res.end();
    };
    const timer = setInterval(() => {
      if (!emitUntil(ctx.now())) finish();
    }, FOLLOW_TICK_MS);
    const unwatch = ctx.store.watch('pods', { namespace, fieldSelector: `metadata.name=${name}` }, (event: StoreEvent) => {
      if (event.object.name !== name || event.object.namespace !== namespace) return;
      if (event.type === 'DELETED') return finish(ctx.now());
      const stop = instanceStop(event.object.parse() as PodView, container, resolved.identity, pod.metadata.uid);
      if (stop !== undefined) finish(stop || ctx.now());
    });
    req.on('close', () => finish());
    res.on('close', () => finish());
  };
}

/**
 * When the followed instance stopped, from a newer pod state: its finishedAt in ms, 0 if it is
 * gone without one, or undefined while it still runs.
 */
function instanceStop(pod: PodView, container: string, identity: string, uid: string | undefined): number | undefined {
  if (pod.metadata.uid !== uid) return 0;
  const status = containerStatus(pod, container);
  if (status?.state?.running && currentIdentity(pod, status) === identity) return undefined;
  const terminated = [status?.state?.terminated, status?.lastState?.terminated].find((t) => t && (!t.containerID || t.containerID === identity));
  const finished = terminated?.finishedAt ? Date.parse(terminated.finishedAt) : NaN;
  return Number.isNaN(finished) ? 0 : finished;
}
