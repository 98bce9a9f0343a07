import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defineCall, defineStream, type HandlersFor } from '../../app/contract/descriptor';
import { ContractError } from '../../app/contract/errors';
import { startWebServer, type WebServer } from './server';
import { closeCode, cookieFrom, openSocket, rawRequest, socketClient } from './testClient';

// A small contract of our own: this file tests the transport, not the Pilothouse handlers
// (server.core.test.ts runs the real core and simulator through the same server).
const testContract = {
  echo: defineCall<{ text: string }, { echoed: string }>('test.echo'),
  fail: defineCall<void, void>('test.fail'),
  ticks: defineStream<{ count: number }, number>('test.ticks'),
  /** Echoes every byte written in, reversed per chunk, as binary frames. */
  mirror: defineStream<void, 'ready'>('test.mirror'),
} as const;

const stoppedStreams: number[] = [];
const handlers: HandlersFor<typeof testContract> = {
  echo: async ({ text }) => ({ echoed: text }),
  fail: async () => {
    throw new ContractError({ code: 'not-found', message: 'nothing here' });
  },
  ticks: ({ count }, emit) => {
    for (let i = 1; i <= count; i++) emit(i);
    return () => stoppedStreams.push(count);
  },
  mirror: (_p, emit, ctx) => {
    ctx.onBytes((data) => void ctx.sendBytes(Uint8Array.from(data).reverse()));
    emit('ready');
  },
};

let root: string;
let staticDir: string;
let server: WebServer;
let cookie: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'pilothouse-web-'));
  staticDir = path.join(root, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Pilothouse</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(path.join(staticDir, '.env'), 'HIDDEN=1');
  writeFileSync(path.join(root, 'secret.txt'), 'TOP-SECRET');
  server = await startWebServer({ contract: testContract, handlers, staticDir, heartbeatMs: 100 });
  cookie = cookieFrom(await rawRequest(server.port, `/?token=${server.token}`));
});

afterAll(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

const wsUrl = () => `ws://127.0.0.1:${server.port}/ws`;
const ownOrigin = () => `http://127.0.0.1:${server.port}`;

describe('web server: token and cookie', () => {
  it('prints a loopback URL carrying a 32-byte base64url token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it.each(['/', '/index.html', '/assets/app.js', '/clusters/demo/pods'])('refuses %s without the token', async (p) => {
    const res = await rawRequest(server.port, p);
    expect(res.status).toBe(401);
    expect(res.body).not.toContain('Pilothouse</title>');
  });

  it('refuses a wrong token and a wrong cookie', async () => {
    expect((await rawRequest(server.port, '/?token=wrong-token-wrong-token')).status).toBe(401);
    const forged = `${cookie.split('=')[0]}=not-the-token`;
    expect((await rawRequest(server.port, '/', { Cookie: forged })).status).toBe(401);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await rawRequest(server.port, `/?token=${server.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const set = String(res.headers['set-cookie']);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).toContain('Path=/');
    const deep = await rawRequest(server.port, `/clusters?x=1&token=${server.token}`);
    expect(deep.headers.location).toBe('/clusters?x=1');
  });

  it('serves the app with the cookie, with a strict CSP and hardening headers', async () => {
    const res = await rawRequest(server.port, '/', { Cookie: cookie });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Pilothouse</title>');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port} ws://localhost:${server.port}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    const js = await rawRequest(server.port, '/assets/app.js', { Cookie: cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toContain('text/javascript');
  });

  it('answers localhost:PORT too', async () => {
    const res = await rawRequest(server.port, '/', { Cookie: cookie, Host: `localhost:${server.port}` });
    expect(res.status).toBe(200);
  });
});

describe('web server: hostile requests', () => {
  it.each(['evil.example:80', 'attacker.test:PORT', '127.0.0.1', '127.0.0.1:1'])(
    'rejects foreign Host %s even with a valid cookie (DNS rebinding)',
    async (host) => {
      const res = await rawRequest(server.port, '/', { Cookie: cookie, Host: host.replace('PORT', String(server.port)) });
      expect(res.status).toBe(421);
      expect(res.body).not.toContain('Pilothouse</title>');
    },
  );

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%00/secret.txt',
    '/.env',
    '/%2e%65nv',
  ])('never serves files outside the renderer (%s)', async (p) => {
    const res = await rawRequest(server.port, p, { Cookie: cookie });
    expect([400, 404]).toContain(res.status);
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.body).not.toContain('HIDDEN');
  });

  it('falls back to index.html for app routes but 404s missing assets, and never lists a directory', async () => {
    expect((await rawRequest(server.port, '/clusters/demo/pods', { Cookie: cookie })).body).toContain('<title>Pilothouse');
    expect((await rawRequest(server.port, '/assets/missing.js', { Cookie: cookie })).status).toBe(404);
    const dir = await rawRequest(server.port, '/assets', { Cookie: cookie });
    expect(dir.body).not.toContain('app.js');
  });

  it('accepts only GET and HEAD', async () => {
    const res = await rawRequest(server.port, '/', { Cookie: cookie }, 'POST');
    expect(res.status).toBe(405);
    const head = await rawRequest(server.port, '/', { Cookie: cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('web server: WebSocket', () => {
  const sockets: import('ws').WebSocket[] = [];
  afterEach(() => {
    for (const ws of sockets.splice(0)) ws.terminate();
  });
  const open = async (headers: Record<string, string>, url = wsUrl()) => {
    const ws = await openSocket(url, headers);
    sockets.push(ws);
    return ws;
  };

  it('refuses /ws without cookie or token', async () => {
    await expect(open({ Origin: ownOrigin() })).rejects.toThrow('upgrade refused: 401');
  });

  it('refuses a foreign Origin even with a valid cookie', async () => {
    await expect(open({ Origin: 'https://evil.example', Cookie: cookie })).rejects.toThrow('upgrade refused: 403');
    await expect(open({ Origin: `http://127.0.0.1:${server.port + 1}`, Cookie: cookie })).rejects.toThrow('upgrade refused: 403');
  });

  it('refuses a foreign Host on the upgrade', async () => {
    await expect(open({ Origin: ownOrigin(), Cookie: cookie, Host: 'rebound.example' })).rejects.toThrow('upgrade refused: 421');
  });

  it('round-trips calls, errors and a stream with the cookie', async () => {
    const client = socketClient(await open({ Origin: ownOrigin(), Cookie: cookie }));
    await expect(client.call(testContract.echo, { text: 'héllo' })).resolves.toEqual({ echoed: 'héllo' });
    await expect(client.call(testContract.fail, undefined)).rejects.toMatchObject({ code: 'not-found', message: 'nothing here' });
    const events: number[] = [];
    await new Promise<void>((resolve) => {
      const unsubscribe = client.subscribe(testContract.ticks, { count: 3 }, {
        onEvent: (n) => {
          events.push(n);
          if (n === 3) {
            unsubscribe();
            resolve();
          }
        },
      });
    });
    expect(events).toEqual([1, 2, 3]);
    await expect.poll(() => stoppedStreams.includes(3)).toBe(true);
  });

  it('accepts the token as a query parameter (non-browser clients)', async () => {
    const client = socketClient(await open({}, `${wsUrl()}?token=${server.token}`));
    await expect(client.call(testContract.echo, { text: 'q' })).resolves.toEqual({ echoed: 'q' });
  });

  it('stops the streams of a socket that closes', async () => {
    const ws = await open({ Origin: ownOrigin(), Cookie: cookie });
    const client = socketClient(ws);
    await new Promise<void>((resolve) => client.subscribe(testContract.ticks, { count: 7 }, { onEvent: (n) => n === 7 && resolve() }));
    ws.close();
    await expect.poll(() => stoppedStreams.includes(7)).toBe(true);
  });

  it('closes with 1003 on invalid JSON and ignores well-formed junk', async () => {
    const ws = await open({ Origin: ownOrigin(), Cookie: cookie });
    const client = socketClient(ws);
    ws.send(JSON.stringify({ t: 'call', id: 'not-a-number', ch: 'test.echo' }));
    await expect(client.call(testContract.echo, { text: 'still alive' })).resolves.toEqual({ echoed: 'still alive' });
    const closed = closeCode(ws);
    ws.send('{not json');
    expect(await closed).toBe(1003);
  });

  it('carries bytes both ways as binary frames, every byte value intact', async () => {
    const ws = await open({ Origin: ownOrigin(), Cookie: cookie });
    const frames: boolean[] = [];
    ws.on('message', (_d, isBinary) => frames.push(isBinary));
    const client = socketClient(ws);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const got: number[] = [];
    const session = client.open(testContract.mirror, undefined, {
      onEvent: () => session.send(all),
      onBytes: (d) => void got.push(...d),
    });
    await expect.poll(() => got.length).toBe(256);
    expect(got).toEqual([...all].reverse());
    expect(frames).toContain(true);
    ws.close();
  });

  it('closes with 1003 on a binary frame that is not ours', async () => {
    const ws = await open({ Origin: ownOrigin(), Cookie: cookie });
    const closed = closeCode(ws);
    ws.send(Buffer.from([1, 2, 3]));
    expect(await closed).toBe(1003);
  });

  it('closes with 1009 on a message over the size cap', async () => {
    const ws = await open({ Origin: ownOrigin(), Cookie: cookie });
    const closed = closeCode(ws);
    ws.send(JSON.stringify({ t: 'call', id: 1, ch: 'test.echo', req: { text: 'x'.repeat(2 * 1024 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it('drops a peer that never answers pings', async () => {
    // A raw TCP client completes the handshake but, unlike a real WebSocket, never pongs.
    const socket = connect(server.port, '127.0.0.1');
    const ended = new Promise<string>((resolve) => {
      let received = '';
      socket.on('data', (d) => (received += d.toString('latin1')));
      socket.on('close', () => resolve(received));
    });
    socket.write(
      [
        'GET /ws HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        `Cookie: ${cookie}`,
        '',
        '',
      ].join('\r\n'),
    );
    const received = await ended;
    expect(received).toContain('101 Switching Protocols');
  });
});

describe('web server: set-up errors', () => {
  it('says the renderer is not built when index.html is missing', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'pilothouse-empty-'));
    const s = await startWebServer({ contract: testContract, handlers, staticDir: empty, token: 'a-fixed-token-for-e2e-runs' });
    try {
      expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=a-fixed-token-for-e2e-runs`);
      const c = cookieFrom(await rawRequest(s.port, `/?token=${s.token}`));
      const res = await rawRequest(s.port, '/', { Cookie: c });
      expect(res.status).toBe(503);
      expect(res.body).toContain('npm run build');
    } finally {
      await s.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rejects a weak fixed token with a clear error', async () => {
    await expect(startWebServer({ contract: testContract, handlers, staticDir, token: 'short' })).rejects.toThrow(/16–512 characters/);
  });

  it('keeps two servers’ cookies apart (cookies ignore ports)', async () => {
    const other = await startWebServer({ contract: testContract, handlers, staticDir });
    try {
      expect((await rawRequest(other.port, '/', { Cookie: cookie })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
