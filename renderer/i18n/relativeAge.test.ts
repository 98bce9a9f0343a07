import { describe, expect, it } from 'vitest';
import { clampedAge, JUST_NOW_MS, relativeAge, rowNow } from './relativeAge';

const NOW = Date.parse('2026-11-27T03:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();

describe('ages shown in the UI', () => {
  it('a timestamp ahead of now (server clock ahead, or a stale now) reads 0s, never "<invalid>"', () => {
    expect(clampedAge(at(3_000), NOW)).toBe('0s');
    expect(clampedAge(at(90_000), NOW)).toBe('0s');
    expect(clampedAge(at(-45_000), NOW)).toBe('45s');
    expect(clampedAge(at(-(3 * 3600 + 4 * 60) * 1000), NOW)).toBe('3h4m');
    expect(clampedAge(undefined, NOW)).toBe('<unknown>');
  });

  it('"ago" phrases: just now below the refresh interval and for future times, kubectl ages after', () => {
    expect(relativeAge(at(5_000), NOW)).toEqual({ kind: 'justNow' });
    expect(relativeAge(at(0), NOW)).toEqual({ kind: 'justNow' });
    expect(relativeAge(at(-(JUST_NOW_MS - 1)), NOW)).toEqual({ kind: 'justNow' });
    expect(relativeAge(at(-JUST_NOW_MS), NOW)).toEqual({ kind: 'ago', age: '10s' });
    expect(relativeAge(at(-5 * 60_000 - 12_000), NOW)).toEqual({ kind: 'ago', age: '5m12s' });
    expect(relativeAge(undefined, NOW)).toEqual({ kind: 'unknown' });
    expect(relativeAge('not a time', NOW)).toEqual({ kind: 'unknown' });
  });

  it('a row is rendered no earlier than its object was created', () => {
    expect(rowNow(at(7_000), NOW)).toBe(NOW + 7_000);
    expect(rowNow(at(-7_000), NOW)).toBe(NOW);
    expect(rowNow(undefined, NOW)).toBe(NOW);
  });
});
