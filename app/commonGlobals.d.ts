/**
 * The few host globals app/ may use. app/ runs in the renderer (a browser) and in main (Node),
 * so its tsconfig has neither DOM nor Node types; these are in both, per the Minimum Common Web
 * API (WinterTC, formerly WinterCG), and are declared here with only the members we rely on.
 * Add a global only if every platform we run on has it; anything else (timers, encoders,
 * crypto, files) is passed in by the caller, which knows its platform.
 */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  throwIfAborted(): void;
}

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare const AbortController: { prototype: AbortController; new (): AbortController };

declare function queueMicrotask(callback: () => void): void;
