import { describe, expect, it } from 'vitest';
import { createContractClient } from './client';
import { defineCall, defineStream, type HandlersFor } from './descriptor';
import { ContractError } from './errors';
import { createMemoryPorts } from './memoryPorts';
import { serveContract } from './serve';

const testContract = {
  add: defineCall<{ a: number; b: number }, number>('test.add'),
  fail: defineCall<void, never>('test.fail'),
  slow: defineCall<void, string>('test.slow'),
  ticks: defineStream<{ count: number }, number>('test.ticks'),
};

function setup() {
  const ports = createMemoryPorts();
  let slowAborted = false;
  let ticksStopped = false;
  const handlers: HandlersFor<typeof testContract> = {
    add: async ({ a, b }) => a + b,
    fail: async () => {
      throw new ContractError({ code: 'forbidden', message: 'pods is forbidden', status: 403 });
    },
    slow: (_req, { signal }) =>
      new Promise((_resolve, reject) => signal.addEventListener('abort', () => ((slowAborted = true), reject(new Error('aborted'))))),
    ticks: ({ count }, emit) => {
      for (let i = 0; i < count; i++) emit(i);
      return () => {
        ticksStopped = true;
      };
    },
  };
  serveContract(testContract, handlers, ports.server);
  const client = createContractClient(ports.client);
  return { ports, client, state: () => ({ slowAborted, ticksStopped }) };
}

describe('contract over a port pair', () => {
  it('answers calls with typed results', async () => {
    const { client } = setup();
    await expect(client.call(testContract.add, { a: 2, b: 3 })).resolves.toBe(5);
  });

  it('carries errors with their code and status', async () => {
    const { client } = setup();
    const err = await client.call(testContract.fail, undefined).catch((e) => e);
    expect(err).toBeInstanceOf(ContractError);
    expect(err).toMatchObject({ code: 'forbidden', status: 403, message: 'pods is forbidden' });
  });

  it('cancels a call on the server when the caller aborts', async () => {
    const { client, state } = setup();
    const controller = new AbortController();
    const pending = client.call(testContract.slow, undefined, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
    await new Promise((r) => setTimeout(r, 5));
    expect(state().slowAborted).toBe(true);
  });

  it('streams events until unsubscribed, then runs the cleanup', async () => {
    const { client, state } = setup();
    const seen: number[] = [];
    const unsubscribe = client.subscribe(testContract.ticks, { count: 3 }, { onEvent: (n) => seen.push(n) });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([0, 1, 2]);
    unsubscribe();
    await new Promise((r) => setTimeout(r, 5));
    expect(state().ticksStopped).toBe(true);
  });

  it('rejects unknown channels with bad-request', async () => {
    const { client } = setup();
    const bogus = defineCall<void, void>('nope');
    await expect(client.call(bogus, undefined)).rejects.toMatchObject({ code: 'bad-request' });
  });

  it('fails pending calls and ends streams when the transport closes', async () => {
    const { client, ports } = setup();
    const pending = client.call(testContract.slow, undefined);
    let ended: unknown;
    client.subscribe(testContract.ticks, { count: 0 }, { onEvent: () => {}, onEnd: (e) => (ended = e) });
    await new Promise((r) => setTimeout(r, 5));
    ports.close();
    await expect(pending).rejects.toMatchObject({ code: 'unreachable' });
    expect(ended).toMatchObject({ code: 'unreachable' });
  });
});
