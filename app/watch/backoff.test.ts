import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const opts = { baseMs: 500, maxMs: 30_000, random: () => 1 };
    expect([1, 2, 3, 4, 7, 20].map((a) => backoffDelay(a, opts))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });

  it('never goes below half the step, whatever the jitter', () => {
    expect(backoffDelay(1, { baseMs: 500, maxMs: 10_000, random: () => 0 })).toBe(250);
    expect(backoffDelay(3, { baseMs: 500, maxMs: 30_000, random: () => 0 })).toBe(1000);
    expect(backoffDelay(10, { baseMs: 500, maxMs: 10_000, random: () => 0 })).toBe(5000);
  });

  it('spreads within [step/2, step) for a jitter in [0, 1)', () => {
    expect(backoffDelay(1, { baseMs: 500, maxMs: 10_000, random: () => 0.999 })).toBe(500);
    expect(backoffDelay(3, { baseMs: 500, maxMs: 10_000, random: () => 0.999 })).toBe(1999);
    expect(backoffDelay(10, { baseMs: 500, maxMs: 10_000, random: () => 0.999 })).toBe(9995);
  });

  it('treats attempt 0 or below as the first attempt', () => {
    expect(backoffDelay(0, { baseMs: 500, maxMs: 10_000, random: () => 1 })).toBe(500);
    expect(backoffDelay(-3, { baseMs: 500, maxMs: 10_000, random: () => 1 })).toBe(500);
  });

  it('uses Math.random by default, staying within bounds', () => {
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(4, { baseMs: 100, maxMs: 10_000 });
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });
});
