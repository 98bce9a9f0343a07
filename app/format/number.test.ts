import { describe, expect, it } from 'vitest';
import { formatCount, formatDecimal, formatPercent, numberFormat } from './number';

describe('formatCount', () => {
  it.each([
    [0, 'en', '0'],
    [1234, 'en', '1,234'],
    [1234567, 'en-US', '1,234,567'],
    [1234, 'zh-CN', '1,234'],
    [1234567, 'de', '1.234.567'],
    [12.7, 'en', '13'],
  ])('%d in %s → %s', (n, locale, text) => {
    expect(formatCount(n, locale)).toBe(text);
  });
});

describe('formatDecimal and formatPercent', () => {
  it('formats per locale', () => {
    expect(formatDecimal(1.2345, 'en')).toBe('1.23');
    expect(formatDecimal(1.5, 'de', 1)).toBe('1,5');
    expect(formatPercent(0.423, 'en')).toBe('42%');
    expect(formatPercent(0.423, 'zh-CN')).toBe('42%');
  });
  it('reuses formatters per locale and options', () => {
    expect(numberFormat('en', { maximumFractionDigits: 1 })).toBe(numberFormat('en', { maximumFractionDigits: 1 }));
    expect(numberFormat('en')).not.toBe(numberFormat('de'));
  });
});
