/**
 * The periodic faults beside the watch drops: compact the watch history every
 * `chaos.compactEverySeconds` (clients resuming from before it get 410 Expired) and stall the
 * open watches every `chaos.stallWatchesEverySeconds` (they stay open and go silent: no events,
 * no bookmarks, until the client gives up; watches opened afterwards are served normally).
 * The knobs are re-read on every tick, so changing `ctx.chaos` at run time takes effect.
 */
import type { ChaosKnobs } from '../types';

const TICK_MS = 100;

export interface PeriodicActions {
  compact(): void;
  stallOpenWatches(): void;
}

export class PeriodicChaos {
  private timer?: NodeJS.Timeout;
  private lastCompact = 0;
  private lastStall = 0;

  constructor(
    private readonly chaos: ChaosKnobs,
    private readonly actions: PeriodicActions,
    private readonly now: () => number = Date.now,
  ) {}

  start(): void {
    if (this.timer) return;
    this.lastCompact = this.lastStall = this.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Fires what is due; a knob at 0 (or unset) restarts its period when it is turned on. */
  tick(): void {
    const t = this.now();
    const compactMs = (this.chaos.compactEverySeconds ?? 0) * 1000;
    if (compactMs <= 0) this.lastCompact = t;
    else if (t - this.lastCompact >= compactMs) {
      this.lastCompact = t;
      this.actions.compact();
    }
    const stallMs = (this.chaos.stallWatchesEverySeconds ?? 0) * 1000;
    if (stallMs <= 0) this.lastStall = t;
    else if (t - this.lastStall >= stallMs) {
      this.lastStall = t;
      this.actions.stallOpenWatches();
    }
  }
}
