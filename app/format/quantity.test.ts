import { describe, expect, it } from 'vitest';
import { formatBytes, formatCpu, parseQuantity, QuantityError, tryParseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['250m', 0.25],
    ['1', 1],
    ['2.5', 2.5],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['5.', 5],
    ['+3', 3],
    ['-1', -1],
    ['1e3', 1000],
    ['1E3', 1000],
    ['1.5e-3', 0.0015],
    ['2e+2', 200],
    ['500Ki', 512000],
    ['1Ki', 1024],
    ['1Mi', 1048576],
    ['1Gi', 1073741824],
    ['1.5Gi', 1610612736],
    ['1Ti', 2 ** 40],
    ['1Pi', 2 ** 50],
    ['1Ei', 2 ** 60],
    ['1n', 1e-9],
    ['1u', 1e-6],
    ['1k', 1000],
    ['128974848', 128974848],
    ['129M', 129e6],
    ['123Mi', 123 * 2 ** 20],
    ['1G', 1e9],
    ['1T', 1e12],
    ['1P', 1e15],
    ['1E', 1e18],
    ['0', 0],
    [' 64Mi ', 64 * 2 ** 20],
  ])('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toBeCloseTo(value, 12);
  });

  it('passes finite numbers through (JSON may carry plain numbers)', () => {
    expect(parseQuantity(4)).toBe(4);
    expect(() => parseQuantity(Number.POSITIVE_INFINITY)).toThrow(QuantityError);
  });

  it.each([
    ['', /expected a number/],
    ['abc', /expected a number/],
    ['1K', /unknown suffix "K"/], // kilo is lower-case k; K only as Ki
    ['1KB', /unknown suffix "KB"/],
    ['1gi', /unknown suffix "gi"/],
    ['1 Gi', /unknown suffix " Gi"/],
    ['1e', /unknown suffix "e"/],
    ['1e1.5', /unknown suffix/],
    ['1mm', /unknown suffix "mm"/],
    ['--1', /expected a number/],
    ['.', /expected a number/],
  ])('rejects %j', (text, message) => {
    expect(() => parseQuantity(text)).toThrow(QuantityError);
    expect(() => parseQuantity(text)).toThrow(message);
  });

  it('tryParseQuantity gives undefined instead of throwing', () => {
    expect(tryParseQuantity('10Gi')).toBe(10 * 2 ** 30);
    expect(tryParseQuantity('bogus')).toBeUndefined();
    expect(tryParseQuantity(undefined)).toBeUndefined();
    expect(tryParseQuantity('')).toBeUndefined();
  });
});

describe('formatCpu', () => {
  it.each([
    [0.1, 'en', '100m'],
    [0.25, 'en', '250m'],
    [0.0005, 'en', '1m'],
    [0.00002, 'en', '0.02m'],
    [0, 'en', '0'],
    [1, 'en', '1'],
    [1.5, 'en', '1.5'],
    [2.345, 'en', '2.35'],
    [1234, 'en', '1,234'],
    [1234, 'zh-CN', '1,234'],
    [1.5, 'de', '1,5'],
  ])('%d cores in %s → %s', (cores, locale, text) => {
    expect(formatCpu(cores, locale)).toBe(text);
  });
});

describe('formatBytes', () => {
  it.each([
    [0, 'en', '0 B'],
    [512, 'en', '512 B'],
    [1024, 'en', '1 KiB'],
    [1536, 'en', '1.5 KiB'],
    [64 * 2 ** 20, 'en', '64 MiB'],
    [3 * 2 ** 30, 'zh-CN', '3 GiB'],
    [1.25 * 2 ** 40, 'en', '1.3 TiB'],
    [1023.99 * 1024, 'en', '1 MiB'],
    [1500 * 2 ** 30, 'en', '1.5 TiB'],
    [1.5 * 2 ** 30, 'de', '1,5 GiB'],
    [parseQuantity('500Ki'), 'en', '500 KiB'],
  ])('%d in %s → %s', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});
