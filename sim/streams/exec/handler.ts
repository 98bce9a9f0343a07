/**
 * `/api/v1/namespaces/{ns}/pods/{name}/exec?command=…&stdin&stdout&stderr&tty&container` over
 * WebSocket (v5/v4.channel.k8s.io). Checks what the API server and kubelet check before the
 * upgrade, then runs the command in the container's sandbox (see sandbox.ts).
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError, type SimContext, type UpgradeHandler } from '../../types';
import { badRequest, containerStatus, currentIdentity, getPod, queryBool, resolveContainerName, type PodView } from '../pods';
import { negotiateProtocol } from './protocol';
import { sandboxCommand } from './sandbox';
import { runExecSession, type ExecStreams } from './session';

export interface ExecHandlerOptions {
  dataDir?: string;
  useBwrap?: boolean;
}

export interface ExecHandle {
  handler: UpgradeHandler;
  /** Closes every open session (their processes are killed). */
  close(): void;
}

export function createExecHandler(ctx: SimContext, options: ExecHandlerOptions = {}): ExecHandle {
  const sessions = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, handleProtocols: (offered) => negotiateProtocol(offered) ?? false });

  const handler: UpgradeHandler = ({ req, socket, head, query, namespace, name }) => {
    const streams: ExecStreams = {
      command: query.getAll('command'),
      stdin: queryBool(query, 'stdin'),
      stdout: queryBool(query, 'stdout'),
      stderr: queryBool(query, 'stderr'),
      tty: queryBool(query, 'tty'),
    };
    if (streams.command.length === 0 || streams.command[0] === '') throw badRequest('you must specify at least 1 command');
    if (!streams.stdin && !streams.stdout && !streams.stderr) throw badRequest('you must specify at least one of stdin, stdout, stderr');
    if (streams.tty) streams.stderr = false;

    const pod = getPod(ctx, namespace, name);
    const container = resolveContainerName(pod, query.get('container'));
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') throw badRequest(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    if (!containerStatus(pod, container)?.state?.running) throw new ApiError(400, 'BadRequest', `container not found ("${container}")`);

    // Checked after the pod and container: kubectl falls back to SPDY when the WebSocket upgrade
    // fails, so the user sees the error of the second attempt; make it the meaningful one.
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      throw badRequest('unable to upgrade connection: this simulator speaks the WebSocket remote-command protocols (v5.channel.k8s.io, v4.channel.k8s.io) only, not SPDY');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!negotiateProtocol(offered)) throw badRequest(`unable to upgrade connection: none of the requested subprotocols [${offered.join(', ')}] is supported (want v5.channel.k8s.io or v4.channel.k8s.io)`);

    const sandbox = sandboxCommand(streams.command, { namespace, pod: name, container }, streams.tty, { dataDir: options.dataDir ?? ctx.options.dataDir, useBwrap: options.useBwrap });
    const identity = currentIdentity(pod, containerStatus(pod, container));
    wss.handleUpgrade(req, socket, head, (ws) => {
      // The process lives in the container: it dies when the container stops or restarts.
      const containerGone = new AbortController();
      const unwatch = ctx.store.watch('pods', { namespace, fieldSelector: `metadata.name=${name}` }, (event) => {
        if (event.object.name !== name) return;
        const now = event.type === 'DELETED' ? undefined : (event.object.parse() as PodView);
        if (!now || now.metadata.uid !== pod.metadata.uid || currentIdentity(now, containerStatus(now, container)) !== identity || !containerStatus(now, container)?.state?.running) containerGone.abort();
      });
      sessions.add(ws);
      ws.on('close', () => {
        sessions.delete(ws);
        unwatch();
      });
      ws.on('error', () => ws.terminate());
      void runExecSession(ws, streams, sandbox, containerGone.signal);
    });
  };

  return {
    handler,
    close: () => {
      for (const ws of sessions) ws.terminate();
      wss.close();
    },
  };
}
