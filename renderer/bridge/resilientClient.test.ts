import { describe, expect, it } from 'vitest';
import { defineCall, defineStream } from '../../app/contract/descriptor';
import { ContractError } from '../../app/contract/errors';
import { createMemoryPorts } from '../../app/contract/memoryPorts';
import { serveContract } from '../../app/contract/serve';
import { createResilientClient, type CoreConnectionState } from './resilientClient';

const testContract = {
  echo: defineCall<string, string>('test.echo'),
  ticks: defineStream<{ from: number }, number>('test.ticks'),
  forbidden: defineStream<void, number>('test.forbidden'),
};

/** A fake core: each connection gets its own in-memory port pair, served by the real serveContract. */
function fakeCore() {
  const connections: Array<{ close(): void; subscriptions: number }> = [];
  let refuse = false;
  const openPort = () => {
    const ports = createMemoryPorts();
    const conn = { close: () => ports.close(), subscriptions: 0 };
    connections.push(conn);
    if (refuse) {
      queueMicrotask(() => ports.close());
      return { port: ports.client, opened: Promise.reject(new Error('refused')) };
    }
    serveContract(
      testContract,
      {
        echo: async (s) => `echo:${s}`,
        ticks: (params, emit) => {
          conn.subscriptions++;
          emit(params.from);
          emit(params.from + 1);
        },
        forbidden: () => {
          throw new ContractError({ code: 'forbidden', message: 'pods is forbidden' });
        },
      },
      ports.server,
    );
    return { port: ports.client, opened: Promise.resolve() };
  };
  return {
    openPort,
    connections,
    setRefuse(v: boolean) {
      refuse = v;
    },
  };
}

/** Timers under the test's control (no real waiting). */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number }> = [];
  return {
    setTimer: (fn: () => void, ms: number) => pending.push({ fn, ms }),
    clearTimer: () => {},
    delays: () => pending.map((p) => p.ms),
    runNext: () => pending.shift()?.fn(),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createResilientClient', () => {
  it('re-subscribes streams after the transport drops, telling handlers it was interrupted (not ended)', async () => {
    const core = fakeCore();
    const timers = manualTimers();
    const client = createResilientClient({ openPort: core.openPort, ...timers, random: () => 0.999, now: () => 1000 });
    const states: CoreConnectionState['state'][] = [];
    client.onConnectionChange((s) => states.push(s.state));
    const events: number[] = [];
    let interrupted = 0;
    let ended = false;
    client.subscribe(testContract.ticks, { from: 10 }, { onEvent: (e) => events.push(e), onInterrupted: () => interrupted++, onEnd: () => (ended = true) });
    await flush();
    expect(events).toEqual([10, 11]);
    expect(client.connection().state).toBe('connected');

    core.connections[0].close();
    expect(interrupted).toBe(1);
    expect(ended).toBe(false);
    const down = client.connection();
    expect(down).toMatchObject({ state: 'reconnecting', attempt: 1, nextRetryAt: 1000 + 500 });
    await expect(client.call(testContract.echo, 'x')).rejects.toMatchObject({ code: 'unreachable' });

    timers.runNext();
    await flush();
    expect(core.connections).toHaveLength(2);
    expect(core.connections[1].subscriptions).toBe(1);
    expect(events).toEqual([10, 11, 10, 11]);
    expect(client.connection().state).toBe('connected');
    await expect(client.call(testContract.echo, 'y')).resolves.toBe('echo:y');
    expect(states).toEqual(['connected', 'reconnecting', 'connected']);
  });

  it('backs off further while the core stays away, and does not resubscribe streams that were closed', async () => {
    const core = fakeCore();
    const timers = manualTimers();
    const client = createResilientClient({ openPort: core.openPort, ...timers, random: () => 0.999, now: () => 0 });
    const unsubscribe = client.subscribe(testContract.ticks, { from: 1 }, { onEvent: () => {} });
    await flush();
    core.setRefuse(true);
    core.connections[0].close();
    timers.runNext();
    await flush();
    expect(client.connection()).toMatchObject({ state: 'reconnecting', attempt: 2 });
    expect(timers.delays()).toEqual([1000]);
    unsubscribe();
    core.setRefuse(false);
    timers.runNext();
    await flush();
    expect(client.connection().state).toBe('connected');
    expect(core.connections[2].subscriptions).toBe(0);
  });

  it('passes a stream ended by the server (e.g. forbidden) to its handler and forgets it', async () => {
    const core = fakeCore();
    const timers = manualTimers();
    const client = createResilientClient({ openPort: core.openPort, ...timers });
    let error: unknown;
    client.subscribe(testContract.forbidden, undefined, { onEvent: () => {}, onEnd: (e) => (error = e) });
    await flush();
    expect(error).toMatchObject({ code: 'forbidden', message: 'pods is forbidden' });
    core.connections[0].close();
    timers.runNext();
    await flush();
    expect(core.connections[1].subscriptions).toBe(0);
  });
});
