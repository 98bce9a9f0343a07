import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderHook } from '../components/list/testing/renderHook';
import { useNavigate, useRoute } from './useRoute';

/** Just enough of a browser window for the hash router: location.hash, history, hashchange. */
function installWindow(hash: string) {
  const target = new EventTarget();
  const win = {
    location: { hash },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, url: string) => {
        win.location.hash = url;
      },
    },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    dispatchEvent: target.dispatchEvent.bind(target),
  };
  (globalThis as { window?: unknown }).window = win;
  // useNavigate dispatches a HashChangeEvent, which Node does not have.
  (globalThis as { HashChangeEvent?: unknown }).HashChangeEvent ??= class extends Event {};
  return win;
}

describe('useRoute', () => {
  let saved: unknown;
  beforeEach(() => {
    saved = (globalThis as { window?: unknown }).window;
  });
  afterEach(() => {
    (globalThis as { window?: unknown }).window = saved;
  });

  it('returns the same route (and filters object) while the hash is unchanged, however often the app re-renders', async () => {
    installWindow('#/c/sim/pods?ns=a,b&l=app%3Dweb');
    const hook = await renderHook(() => ({ route: useRoute(), navigate: useNavigate() }), {});
    const first = hook.result.route;
    expect(first).toMatchObject({ view: 'list', filters: { namespaces: ['a', 'b'], selector: 'app=web' } });
    // A parent re-rendering (the status bar's flush every 250 ms) must not make a new route.
    await hook.rerender({});
    await hook.rerender({});
    expect(hook.result.route).toBe(first);

    await hook.act(() => hook.result.navigate({ view: 'list', context: 'sim', kindId: 'pods', filters: { namespaces: ['a'], selector: '', query: '' } }, { replace: true }));
    expect(hook.result.route).not.toBe(first);
    expect(hook.result.route).toMatchObject({ filters: { namespaces: ['a'], selector: '' } });
    await hook.unmount();
  });
});
