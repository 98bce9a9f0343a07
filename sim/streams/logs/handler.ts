/**
 * `GET /api/v1/namespaces/{ns}/pods/{name}/log`: the container's generated output with the
 * kubelet's options; `follow` streams new lines until the container stops or restarts, or the
 * pod is deleted.
 */
import type { ServerResponse } from 'node:http';
import type { SimContext, StoreEvent, SubresourceHandler } from '../../types';
import { containerStatus, currentIdentity, getPod, resolveContainerName, type PodView } from '../pods';
import { lastLines, linesBetween, rfc3339Nano, type LogInstance, type LogLine } from './generator';
import { resolveLogInstance } from './instance';
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
    const following = options.follow && resolved.running;
    const from = Math.max(instance.startMs, nowMs - LOG_RETENTION_MS, options.sinceMs ?? 0);
    // A follow stream hands out whole seconds only: a container's finishedAt has second
    // precision, and its last lines (stamped just before it) must not be behind the cursor.
    const to = following ? wholeSecond(nowMs) : Math.min(nowMs, instance.endMs ?? nowMs);
    const initial = options.tailLines !== undefined ? lastLines(instance, options.tailLines, from, to) : linesBetween(instance, from, to);

    res.writeHead(200);
    const writer = new LogWriter(res, options);
    if (!writer.write(initial)) return;
    if (!following) {
      res.end();
      return;
    }
    res.flushHeaders();

    let cursor = Math.max(to, options.sinceMs ?? 0);
    let done = false;
    const emitUntil = (source: LogInstance, untilMs: number): boolean => {
      if (untilMs <= cursor) return true;
      const lines = linesBetween(source, cursor, untilMs);
      cursor = untilMs;
      return writer.write(lines);
    };
    const finish = (stopped?: { endMs: number; exitCode?: number }) => {
      if (done) return;
      done = true;
      clearInterval(timer);
      unwatch();
      if (!stopped) return void res.end();
      // Its last words are stamped 1 ms before finishedAt; never skip them, even if a late
      // status update put the cursor past that.
      cursor = Math.min(cursor, stopped.endMs - 1);
      if (emitUntil({ ...instance, endMs: stopped.endMs, exitCode: stopped.exitCode }, stopped.endMs)) res.end();
    };
    const timer = setInterval(() => {
      if (!emitUntil(instance, wholeSecond(ctx.now()))) finish();
    }, FOLLOW_TICK_MS);
    const unwatch = ctx.store.watch('pods', { namespace, fieldSelector: `metadata.name=${name}` }, (event: StoreEvent) => {
      if (event.object.name !== name || event.object.namespace !== namespace) return;
      if (event.type === 'DELETED') return finish({ endMs: ctx.now() });
      const stop = instanceStop(event.object.parse() as PodView, container, resolved.identity, pod.metadata.uid);
      if (stop) finish({ endMs: stop.endMs || ctx.now(), exitCode: stop.exitCode });
    });
    req.on('close', () => finish());
    res.on('close', () => finish());
  };
}

const wholeSecond = (ms: number): number => Math.floor(ms / 1000) * 1000;

/**
 * Whether the followed instance stopped, from a newer pod state: its finishedAt in ms (0 if
 * unknown) and exit code, or undefined while it still runs.
 */
function instanceStop(pod: PodView, container: string, identity: string, uid: string | undefined): { endMs: number; exitCode?: number } | undefined {
  if (pod.metadata.uid !== uid) return { endMs: 0 };
  const status = containerStatus(pod, container);
  if (status?.state?.running && currentIdentity(pod, status) === identity) return undefined;
  const terminated = [status?.state?.terminated, status?.lastState?.terminated].find((t) => t && (!t.containerID || t.containerID === identity));
  const finished = terminated?.finishedAt ? Date.parse(terminated.finishedAt) : NaN;
  return { endMs: Number.isNaN(finished) ? 0 : finished, exitCode: terminated?.exitCode };
}
