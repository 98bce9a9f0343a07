import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../app/contract/bridge';
import { defineCall, defineStream, type HandlersFor } from '../../app/contract/descriptor';
import type { ClientMessage, ServerMessage } from '../../app/contract/protocol';
import { serveContract } from '../../app/contract/serve';
import { ipcServerPort, serveWebContents, type IpcEventLike, type IpcListener } from './ipcServerPort';
import { PAGE_LOADED } from './pageLoaded';
import { APP_ENTRY_URL, type FrameLike } from './trustedSender';

// Fakes of the two Electron objects the adapter touches (the binary cannot run here); the
// contract side is the real serveContract.
class FakeIpcMain {
  private emitter = new EventEmitter();
  on(channel: string, listener: IpcListener) {
    this.emitter.on(channel, listener);
    return this;
  }
  removeListener(channel: string, listener: IpcListener) {
    this.emitter.removeListener(channel, listener);
    return this;
  }
  listenerCount() {
    return this.emitter.listenerCount(IPC_CHANNEL);
  }
  /** What Electron does when a renderer calls ipcRenderer.send(IPC_CHANNEL, message). */
  deliver(event: IpcEventLike, message: unknown) {
    this.emitter.emit(IPC_CHANNEL, event, message);
  }
}

class FakeWebContents extends EventEmitter {
  sent: ServerMessage[] = [];
  destroyed = false;
  mainFrame: FrameLike;
  constructor(
    readonly id: number,
    url = APP_ENTRY_URL,
  ) {
    super();
    this.mainFrame = { url, parent: null, processId: 10 + id, routingId: 1 };
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, message: ServerMessage) {
    expect(channel).toBe(IPC_CHANNEL);
    this.sent.push(structuredClone(message));
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
  fromMainFrame(): IpcEventLike {
    return { sender: { id: this.id }, senderFrame: this.mainFrame };
  }
}

const testContract = {
  echo: defineCall<string, string>('test.echo'),
  ticks: defineStream<void, number>('test.ticks'),
} as const;

function setUp() {
  const stopped: number[] = [];
  let nextStream = 0;
  const handlers: HandlersFor<typeof testContract> = {
    echo: async (text) => `echo:${text}`,
    ticks: (_p, emit) => {
      const n = ++nextStream;
      emit(n);
      return () => stopped.push(n);
    },
  };
  const ipc = new FakeIpcMain();
  const contents = new FakeWebContents(1);
  const rejected: string[] = [];
  const stop = serveWebContents(ipc, contents, (port) => serveContract(testContract, handlers, port), {
    onRejected: (r) => rejected.push(r),
  });
  const call = (id: number, text: string, event = contents.fromMainFrame()) =>
    ipc.deliver(event, { t: 'call', id, ch: 'test.echo', req: text } satisfies ClientMessage);
  return { ipc, contents, rejected, stopped, stop, call };
}

describe('IPC server port', () => {
  it('serves calls and streams from our window’s main frame', async () => {
    const { ipc, contents, call } = setUp();
    call(1, 'hi');
    ipc.deliver(contents.fromMainFrame(), { t: 'sub', id: 2, ch: 'test.ticks', params: undefined });
    await vi.waitFor(() => expect(contents.sent).toHaveLength(2));
    expect(contents.sent).toContainEqual({ t: 'result', id: 1, ok: true, res: 'echo:hi' });
    expect(contents.sent).toContainEqual({ t: 'event', id: 2, ev: 1 });
  });

  it('drops messages from a sub-frame, a foreign page or a missing frame, and says so', async () => {
    const { contents, rejected, call } = setUp();
    call(1, 'iframe', { sender: { id: 1 }, senderFrame: { url: APP_ENTRY_URL, parent: contents.mainFrame, processId: 11, routingId: 7 } });
    call(2, 'foreign', { sender: { id: 1 }, senderFrame: { ...contents.mainFrame, url: 'https://evil.example/' } });
    call(3, 'gone', { sender: { id: 1 }, senderFrame: null });
    call(4, 'ok');
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(contents.sent).toEqual([{ t: 'result', id: 4, ok: true, res: 'echo:ok' }]);
    expect(rejected).toHaveLength(3);
    expect(rejected[1]).toContain('https://evil.example/');
  });

  it('leaves other windows’ messages to their own port', async () => {
    const { contents, rejected, call } = setUp();
    const other = new FakeWebContents(2);
    call(1, 'other window', other.fromMainFrame());
    await new Promise((r) => setTimeout(r, 10));
    expect(contents.sent).toEqual([]);
    expect(other.sent).toEqual([]);
    expect(rejected).toEqual([]);
  });

  it('starts afresh when the preload announces a new page: old streams stop, request ids may repeat', async () => {
    const { ipc, contents, stopped, call } = setUp();
    ipc.deliver(contents.fromMainFrame(), { t: 'sub', id: 1, ch: 'test.ticks', params: undefined });
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    ipc.deliver(contents.fromMainFrame(), PAGE_LOADED);
    expect(stopped).toEqual([1]);
    call(1, 'after reload');
    await vi.waitFor(() => expect(contents.sent).toHaveLength(2));
    expect(contents.sent[1]).toEqual({ t: 'result', id: 1, ok: true, res: 'echo:after reload' });
    expect(ipc.listenerCount()).toBe(1);
  });

  it('ignores a page-loaded announcement from an untrusted frame', async () => {
    const { ipc, contents, stopped, rejected } = setUp();
    ipc.deliver(contents.fromMainFrame(), { t: 'sub', id: 1, ch: 'test.ticks', params: undefined });
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    ipc.deliver({ sender: { id: 1 }, senderFrame: { ...contents.mainFrame, parent: contents.mainFrame } }, PAGE_LOADED);
    expect(stopped).toEqual([]);
    expect(rejected).toHaveLength(1);
  });

  it('stops the page’s streams when its renderer crashes, and serves the next page', async () => {
    const { ipc, contents, stopped, call } = setUp();
    ipc.deliver(contents.fromMainFrame(), { t: 'sub', id: 1, ch: 'test.ticks', params: undefined });
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    contents.emit('render-process-gone');
    expect(stopped).toEqual([1]);
    call(1, 'next');
    await vi.waitFor(() => expect(contents.sent).toHaveLength(2));
  });

  it('stops everything when the window is destroyed, and never sends to it again', async () => {
    const { ipc, contents, stopped } = setUp();
    ipc.deliver(contents.fromMainFrame(), { t: 'sub', id: 1, ch: 'test.ticks', params: undefined });
    await vi.waitFor(() => expect(contents.sent).toHaveLength(1));
    contents.destroy();
    expect(stopped).toEqual([1]);
    expect(ipc.listenerCount()).toBe(0);
    expect(contents.listenerCount('render-process-gone')).toBe(0);
  });

  it('stops serving on request', () => {
    const { ipc, contents, stop } = setUp();
    stop();
    expect(ipc.listenerCount()).toBe(0);
    expect(contents.listenerCount('destroyed')).toBe(0);
  });

  it('does not send to a destroyed window', () => {
    const ipc = new FakeIpcMain();
    const contents = new FakeWebContents(3);
    const port = ipcServerPort(ipc, contents);
    contents.destroyed = true;
    port.send({ t: 'event', id: 1, ev: 'late' });
    expect(contents.sent).toEqual([]);
  });
});
