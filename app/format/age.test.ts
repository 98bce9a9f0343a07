import { describe, expect, it } from 'vitest';
import { formatAge, formatTimestamp, humanDuration, toEpochMs } from './age';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (kubectl HumanDuration)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1 * S, '0s'],
    [-500, '0s'],
    [0, '0s'],
    [999, '0s'],
    [45 * S, '45s'],
    [119 * S, '119s'],
    [2 * M, '2m'],
    [5 * M + 12 * S, '5m12s'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [179 * M, '179m'],
    [3 * H, '3h'],
    [3 * H + 4 * M, '3h4m'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H + 30 * M, '8h'],
    [47 * H, '47h'],
    [2 * D, '2d'],
    [2 * D + 5 * H, '2d5h'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D + 5 * H, '8d'],
    [18 * D, '18d'],
    [729 * D, '729d'],
    [2 * 365 * D, '2y'],
    [3 * 365 * D + 40 * D, '3y40d'],
    [8 * 365 * D + 40 * D, '8y'],
    [20 * 365 * D, '20y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  it('accepts ISO strings, Dates and epoch numbers', () => {
    expect(formatAge('2026-11-27T11:59:15Z', now)).toBe('45s');
    expect(formatAge(new Date('2026-11-27T11:54:48Z'), new Date(now))).toBe('5m12s');
    expect(formatAge(now - (2 * D + 5 * H), now)).toBe('2d5h');
  });
  it('says <unknown> without a valid timestamp, as kubectl', () => {
    expect(formatAge(undefined, now)).toBe('<unknown>');
    expect(formatAge('', now)).toBe('<unknown>');
    expect(formatAge('not a date', now)).toBe('<unknown>');
  });
  it('tolerates one second of clock skew and flags more', () => {
    expect(formatAge('2026-11-27T12:00:01Z', now)).toBe('0s');
    expect(formatAge('2026-11-27T12:00:05Z', now)).toBe('<invalid>');
  });
});

describe('formatTimestamp', () => {
  const iso = '2026-11-27T02:05:09Z';
  it('formats per locale and time zone', () => {
    expect(formatTimestamp(iso, 'en-US', 'UTC')).toBe('Nov 27, 2026, 2:05:09 AM');
    expect(formatTimestamp(iso, 'zh-CN', 'UTC')).toBe('2026年11月27日 02:05:09');
    expect(formatTimestamp(iso, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月27日 10:05:09');
  });
  it('is empty for a missing or invalid timestamp', () => {
    expect(formatTimestamp(undefined, 'en')).toBe('');
    expect(formatTimestamp('garbage', 'en')).toBe('');
  });
});

describe('toEpochMs', () => {
  it('parses or returns undefined', () => {
    expect(toEpochMs('1970-01-01T00:00:01Z')).toBe(1000);
    expect(toEpochMs(5)).toBe(5);
    expect(toEpochMs(null)).toBeUndefined();
    expect(toEpochMs(Number.NaN)).toBeUndefined();
  });
});
