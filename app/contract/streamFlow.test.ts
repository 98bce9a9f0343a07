/**
 * Streams as sessions: flow control, bytes both ways, ending normally, and sessions owned by
 * the connection that opened them — end to end through serveContract, memory ports and the
 * contract client (the same code both real transports use).
 */
import { describe, expect, it } from 'vitest';
import { createContractClient } from './client';
import { defineCall, defineStream, type HandlersFor } from './descriptor';
import { createMemoryPorts } from './memoryPorts';
import { serveContract } from './serve';

const echoContract = {
  /** Emits `count` numbered events as fast as the window lets it, recording how far it got. */
  pages: defineStream<{ count: number }, number>('test.pages'),
  /** An echo session: bytes written in come back upper-cased; its first event is its handle. */
  echo: defineStream<void, { session: string }>('test.echo'),
  /** Steers a session by handle, like an exec resize. */
  poke: defineCall<{ session: string }, string>('test.poke'),
  /** Sends `size` bytes at once and reports when sendBytes returned. */
  flood: defineStream<{ size: number }, 'sent'>('test.flood'),
  once: defineStream<void, 'bye'>('test.once'),
};

interface Echo {
  pokes: number;
}

function serve(window = 4) {
  const produced = { pages: 0, floodDone: false, closed: [] as string[] };
  const handlers: HandlersFor<typeof echoContract> = {
    pages: async ({ count }, emit, ctx) => {
      for (let i = 0; i < count && !ctx.signal.aborted; i++) {
        await ctx.drained();
        emit(i);
        produced.pages = i + 1;
      }
    },
    echo: (_p, emit, ctx) => {
      const echo: Echo = { pokes: 0 };
      const session = ctx.peer.sessions.open('echo', echo, () => produced.closed.push(session), ctx.signal);
      ctx.onBytes((data) => void ctx.sendBytes(data.map((b) => (b >= 97 && b <= 122 ? b - 32 : b))));
      emit({ session });
    },
    poke: async ({ session }, ctx) => {
      const echo = ctx.peer.sessions.get<Echo>('echo', session);
      echo.pokes++;
      return `poked ${echo.pokes}`;
    },
    flood: async ({ size }, emit, ctx) => {
      await ctx.sendBytes(new Uint8Array(size).fill(7));
      produced.floodDone = true;
      emit('sent');
    },
    once: (_p, emit, ctx) => {
      emit('bye');
      ctx.end();
    },
  };
  return { handlers, produced, window };
}

function connect(server: ReturnType<typeof serve>) {
  const ports = createMemoryPorts();
  serveContract(echoContract, server.handlers, ports.server, { window: server.window });
  return { ports, client: createContractClient(ports.client) };
}

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 1));
  }
};

/** Memory ports deliver on microtasks: one macrotask turn lets everything in flight land. */
const settle = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r, 0));
};

describe('stream flow control', () => {
  it('lets a producer run only a window ahead of what the caller consumed', async () => {
    const server = serve(4);
    const { ports } = connect(server);
    // A raw client that never acknowledges: the producer must stop at the window.
    const seen: number[] = [];
    ports.client.onMessage((m) => m.t === 'event' && seen.push(m.ev as number));
    ports.client.send({ t: 'sub', id: 1, ch: 'test.pages', params: { count: 100 } });
    await until(() => seen.length === 4);
    await settle();
    expect(server.produced.pages).toBe(4);
    // Acknowledging two lets exactly two more through.
    ports.client.send({ t: 'ack', id: 1, n: 2 });
    await until(() => seen.length === 6);
    await settle();
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('runs to the end for a client that acknowledges what it consumes', async () => {
    const server = serve(4);
    const { client } = connect(server);
    const seen: number[] = [];
    client.subscribe(echoContract.pages, { count: 50 }, { onEvent: (n) => seen.push(n) });
    await until(() => seen.length === 50);
    expect(seen).toEqual([...Array(50).keys()]);
  });

  it('holds a bytes producer until the consumer says it has consumed them', async () => {
    const server = serve(2);
    const { client } = connect(server);
    const releases: Array<() => void> = [];
    let received = 0;
    client.subscribe(echoContract.flood, { size: 256 * 1024 * 5 }, {
      onEvent: () => {},
      onBytes: (data) => {
        received += data.byteLength;
        return new Promise<void>((resolve) => releases.push(resolve));
      },
    });
    await until(() => releases.length === 2);
    await settle();
    expect(received).toBe(2 * 256 * 1024); // two chunks in flight, the rest waits in main
    expect(server.produced.floodDone).toBe(false);
    while (!server.produced.floodDone) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(received).toBe(256 * 1024 * 5);
  });

  it('ends a stream normally when its handler says so', async () => {
    const { client } = connect(serve());
    const events: string[] = [];
    let ended: unknown = 'not yet';
    client.subscribe(echoContract.once, undefined, { onEvent: (e) => events.push(e), onEnd: (error) => (ended = error) });
    await until(() => ended !== 'not yet');
    expect(events).toEqual(['bye']);
    expect(ended).toBeUndefined();
  });
});

describe('sessions over the contract', () => {
  it('carries bytes both ways, binary-safe', async () => {
    const { client } = connect(serve());
    const out: number[] = [];
    let handle = '';
    const session = client.open(echoContract.echo, undefined, { onEvent: (e) => (handle = e.session), onBytes: (d) => void out.push(...d) });
    await until(() => handle !== '');
    session.send(new Uint8Array([0, 255, 0x61, 0x7a, 10, 0x1b]));
    await until(() => out.length === 6);
    expect(out).toEqual([0, 255, 0x41, 0x5a, 10, 0x1b]);
  });

  it('lets only the connection that opened a session steer it', async () => {
    const server = serve();
    const a = connect(server);
    const b = connect(server);
    let handle = '';
    a.client.open(echoContract.echo, undefined, { onEvent: (e) => (handle = e.session) });
    await until(() => handle !== '');
    await expect(a.client.call(echoContract.poke, { session: handle })).resolves.toBe('poked 1');
    await expect(b.client.call(echoContract.poke, { session: handle })).rejects.toMatchObject({ code: 'not-found', display: { code: 'session-not-found' } });
  });

  it('closes a session when its stream is closed, and all of them when the connection goes', async () => {
    const server = serve();
    const { client, ports } = connect(server);
    const handles: string[] = [];
    const first = client.open(echoContract.echo, undefined, { onEvent: (e) => handles.push(e.session) });
    client.open(echoContract.echo, undefined, { onEvent: (e) => handles.push(e.session) });
    client.open(echoContract.echo, undefined, { onEvent: (e) => handles.push(e.session) });
    await until(() => handles.length === 3);
    first.close();
    await until(() => server.produced.closed.length === 1);
    expect(server.produced.closed).toEqual([handles[0]]);
    ports.close();
    await until(() => server.produced.closed.length === 3);
    expect(new Set(server.produced.closed)).toEqual(new Set(handles));
  });
});
