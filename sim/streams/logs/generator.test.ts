import { describe, expect, it } from 'vitest';
import { hash32 } from '../random';
import { lastLines, lineMs, linesBetween, linesInSecond, rfc3339Nano, type LogInstance } from './generator';
import { profileFor } from './profiles';

const start = Date.parse('2026-11-27T00:00:00Z');
const instance = (overrides: Partial<LogInstance> = {}): LogInstance => ({
  seed: hash32('containerd://abc'),
  profile: profileFor('nginx:1.27', 'web-7d9f8-abcde', 'nginx'),
  pod: 'web-7d9f8-abcde',
  container: 'nginx',
  startMs: start,
  ...overrides,
});

describe('log generator', () => {
  it('is reproducible: the same instance and window give the same lines', () => {
    const a = linesBetween(instance(), start, start + 600_000);
    const b = linesBetween(instance(), start, start + 600_000);
    expect(a.length).toBeGreaterThan(300);
    expect(b).toEqual(a);
  });

  it('differs between instances and starts with the startup banner', () => {
    const a = linesBetween(instance(), start, start + 60_000).map((l) => l.text);
    const b = linesBetween(instance({ seed: hash32('containerd://def') }), start, start + 60_000).map((l) => l.text);
    expect(a).not.toEqual(b);
    expect(a[0]).toContain('/docker-entrypoint.sh');
    expect(a.some((line) => /"GET \/\S* HTTP\/1.1" \d{3}/.test(line))).toBe(true);
  });

  it('keeps lines in time order within the window', () => {
    const lines = linesBetween(instance(), start + 5_500, start + 120_000);
    for (let i = 1; i < lines.length; i++) expect(lines[i].sec * 1e9 + lines[i].nsec).toBeGreaterThanOrEqual(lines[i - 1].sec * 1e9 + lines[i - 1].nsec);
    expect(lineMs(lines[0])).toBeGreaterThanOrEqual(start + 5_500);
    expect(lineMs(lines[lines.length - 1])).toBeLessThan(start + 120_000);
  });

  it('tail equals the end of the full window', () => {
    const all = linesBetween(instance(), start, start + 300_000);
    expect(lastLines(instance(), 25, start, start + 300_000)).toEqual(all.slice(-25));
    expect(lastLines(instance(), 1e6, start, start + 300_000)).toEqual(all);
  });

  it('ends a crashed instance with its fatal lines and prints nothing after it stopped', () => {
    const crashed = instance({ endMs: start + 30_000, exitCode: 1 });
    const lines = linesBetween(crashed, start, start + 60_000);
    expect(lines[lines.length - 1].text).toContain('[emerg]');
    expect(lineMs(lines[lines.length - 1])).toBeLessThan(start + 30_000);
  });

  it('has multi-line stack traces, JSON and ANSI lines in the profiles that print them', () => {
    const text = (image: string) => linesBetween(instance({ profile: profileFor(image, 'p', 'c') }), start, start + 1_800_000).map((l) => l.text);
    expect(text('ghcr.io/acme/orders-java:2.8').some((l) => l.startsWith('\tat com.example.shop'))).toBe(true);
    expect(text('python:3.12').some((l) => l === 'Traceback (most recent call last):')).toBe(true);
    const json = text('ghcr.io/acme/cart:1.4').filter((l) => l.startsWith('{'));
    expect(json.length).toBeGreaterThan(0);
    expect(JSON.parse(json[json.length - 1])).toMatchObject({ level: expect.any(String), msg: expect.any(String), ts: expect.any(String) });
    expect(text('node:22').some((l) => l.includes('\x1b[32m'))).toBe(true);
  });

  it('has occasional bursts of many lines in one second', () => {
    const counts = new Map<number, number>();
    for (let sec = start / 1000 + 1; sec < start / 1000 + 20_000; sec++) counts.set(sec, linesInSecond(instance(), sec).length);
    expect(Math.max(...counts.values())).toBeGreaterThanOrEqual(40);
  });

  it('formats RFC3339Nano like Go (trailing zeros trimmed)', () => {
    expect(rfc3339Nano({ sec: start / 1000, nsec: 123_450_000 })).toBe('2026-11-27T00:00:00.12345Z');
    expect(rfc3339Nano({ sec: start / 1000, nsec: 0 })).toBe('2026-11-27T00:00:00Z');
    expect(rfc3339Nano({ sec: start / 1000, nsec: 7 })).toBe('2026-11-27T00:00:00.000000007Z');
  });
});
