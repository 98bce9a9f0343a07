/**
 * Renders a hook in a real React root under vitest's Node environment, which has no DOM: the
 * hook's component renders nothing, so React only needs a container it can attach its (never
 * fired) event listeners to, and a `window` to read the current event from. Updates run inside
 * `act`, so effects and state updates have settled when each call returns.
 * For tests only.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';

const g = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean; window?: unknown };
g.IS_REACT_ACT_ENVIRONMENT = true;

function fakeContainer(): Element {
  const noop = () => undefined;
  const view = { HTMLIFrameElement: class {} };
  const doc = { nodeType: 9, defaultView: view, addEventListener: noop, removeEventListener: noop };
  Object.assign(view, { document: doc });
  const el = { nodeType: 1, nodeName: 'DIV', tagName: 'DIV', ownerDocument: doc, childNodes: [], firstChild: null, addEventListener: noop, removeEventListener: noop, removeChild: noop };
  return el as unknown as Element;
}

export interface RenderedHook<P, R> {
  /** What the hook returned on the last render. */
  readonly result: R;
  /** How many times the hook's component rendered. */
  readonly renders: number;
  /** Renders again with new props (the same props object re-renders too, as a parent would). */
  rerender(props: P): Promise<void>;
  /** Runs `fn` (a state update, timers advancing) inside act. */
  act(fn: () => void): Promise<void>;
  unmount(): Promise<void>;
}

export async function renderHook<P, R>(hook: (props: P) => R, props: P): Promise<RenderedHook<P, R>> {
  // React reads `window.event` for an update's priority; a test may install a richer window first.
  g.window ??= {};
  let result!: R;
  let renders = 0;
  function Probe({ p }: { p: P }) {
    renders++;
    result = hook(p);
    return null;
  }
  const root: Root = createRoot(fakeContainer());
  await act(async () => root.render(<Probe p={props} />));
  return {
    get result() {
      return result;
    },
    get renders() {
      return renders;
    },
    rerender: (next) => act(async () => root.render(<Probe p={next} />)),
    act: (fn) => act(async () => fn()),
    unmount: () => act(async () => root.unmount()),
  };
}
