import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderHook } from './testing/renderHook';
import { SETTLE_MS, useSettledText } from './useSettledText';

describe('useSettledText', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const start = (external = '') => renderHook(({ external }: { external: string }) => useSettledText(external), { external });

  it('settles once, a pause after the last keystroke; the draft follows every one', async () => {
    const hook = await start();
    for (const text of ['a', 'ap', 'app', 'app=', 'app=f']) {
      await hook.act(() => hook.result.type(text));
      expect(hook.result.draft).toBe(text);
      await hook.act(() => vi.advanceTimersByTime(SETTLE_MS - 100));
      expect(hook.result.settled).toBe('');
    }
    await hook.act(() => vi.advanceTimersByTime(99));
    expect(hook.result.settled).toBe('');
    await hook.act(() => vi.advanceTimersByTime(1));
    expect(hook.result).toMatchObject({ draft: 'app=f', settled: 'app=f' });
    await hook.unmount();
  });

  it('settles at once on settle() (Enter), on the draft or on a given text (a chip, clear)', async () => {
    const hook = await start();
    await hook.act(() => hook.result.type('app=f'));
    await hook.act(() => hook.result.settle());
    expect(hook.result.settled).toBe('app=f');
    await hook.act(() => hook.result.settle('app=f,tier=web'));
    expect(hook.result).toMatchObject({ draft: 'app=f,tier=web', settled: 'app=f,tier=web' });
    // Nothing pending: time changes nothing.
    await hook.act(() => vi.advanceTimersByTime(SETTLE_MS * 2));
    expect(hook.result.settled).toBe('app=f,tier=web');
    await hook.unmount();
  });

  it('follows an outside change at once and drops a pending keystroke', async () => {
    const hook = await start('app=web');
    expect(hook.result).toMatchObject({ draft: 'app=web', settled: 'app=web' });
    await hook.act(() => hook.result.type('app=we'));
    await hook.rerender({ external: 'tier=db' }); // back/forward
    expect(hook.result).toMatchObject({ draft: 'tier=db', settled: 'tier=db' });
    await hook.act(() => vi.advanceTimersByTime(SETTLE_MS * 2));
    expect(hook.result).toMatchObject({ draft: 'tier=db', settled: 'tier=db' });
    await hook.unmount();
  });

  it('keeps what was typed since when its own settled text comes back from the route', async () => {
    const hook = await start();
    await hook.act(() => hook.result.type('app'));
    await hook.act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(hook.result.settled).toBe('app');
    // A keystroke lands before the URL written from `settled` comes back.
    await hook.act(() => hook.result.type('app='));
    await hook.rerender({ external: 'app' });
    expect(hook.result).toMatchObject({ draft: 'app=', settled: 'app' });
    await hook.act(() => vi.advanceTimersByTime(SETTLE_MS));
    expect(hook.result.settled).toBe('app=');
    await hook.unmount();
  });
});
