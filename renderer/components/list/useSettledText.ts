/**
 * Text typed into a field that something expensive follows (the label selector: every selector
 * the server sees is a full LIST in main, kept alive for a while after).
 *
 * - `draft` follows every keystroke (the field shows it; cheap client-side work uses it);
 * - `settled` follows `delayMs` after the last keystroke, or at once through `settle` (Enter, a
 *   label chip, "clear filters"); the server watch and the URL follow it;
 * - `external` is the value held elsewhere (the route). When it changes to anything but
 *   `settled` (back/forward, a bookmark, a link), draft and settled both take it at once and a
 *   pending keystroke is dropped. When it changes to `settled` — our own write coming back —
 *   whatever was typed since is kept.
 */
import { useCallback, useEffect, useState } from 'react';

/** The pause after the last keystroke before a typed selector reaches the server. */
export const SETTLE_MS = 400;

export interface SettledText {
  draft: string;
  settled: string;
  /** A keystroke: the draft now, `settled` after the pause. */
  type(text: string): void;
  /** Settles now: on `text` if given, else on the draft. */
  settle(text?: string): void;
}

interface State {
  draft: string;
  settled: string;
  /** The last `external` seen. */
  external: string;
}

export function useSettledText(external: string, delayMs = SETTLE_MS): SettledText {
  const [state, setState] = useState<State>(() => ({ draft: external, settled: external, external }));
  let current = state;
  if (external !== state.external) {
    // Adjusted while rendering (not in an effect), so no render ever pairs a new route with the
    // old settled text — an effect writing `settled` to the URL would otherwise undo the change.
    current = external === state.settled ? { ...state, external } : { draft: external, settled: external, external };
    setState(current);
  }
  const { draft, settled } = current;
  useEffect(() => {
    if (draft === settled) return;
    const timer = setTimeout(() => setState((s) => (s.draft === draft ? { ...s, settled: draft } : s)), delayMs);
    return () => clearTimeout(timer);
  }, [draft, settled, delayMs]);
  const type = useCallback((text: string) => setState((s) => (s.draft === text ? s : { ...s, draft: text })), []);
  const settle = useCallback(
    (text?: string) =>
      setState((s) => {
        const next = text ?? s.draft;
        return s.draft === next && s.settled === next ? s : { ...s, draft: next, settled: next };
      }),
    [],
  );
  return { draft, settled, type, settle };
}
