import { describe, expect, it } from 'vitest';
import { createI18n, matchLanguage, resolveLanguage } from './index';
import en from './locales/en.json';

describe('i18n', () => {
  it('follows the system locale list, first supported language wins', () => {
    expect(matchLanguage(['zh-CN', 'en'])).toBe('zh-CN');
    expect(matchLanguage(['zh-TW'])).toBe('zh-CN');
    expect(matchLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(matchLanguage(['fr'])).toBe('en');
    expect(matchLanguage([])).toBe('en');
  });

  it('prefers a valid stored setting over the system', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('xx', ['zh-CN'])).toBe('zh-CN');
    expect(resolveLanguage(undefined, ['en-US'])).toBe('en');
  });

  it('pluralises with CLDR rules and interpolates without HTML escaping', () => {
    const i18n = createI18n('en');
    expect(i18n.t('list.count', { count: 1, formatted: '1' })).toBe('1 object');
    expect(i18n.t('list.count', { count: 1234, formatted: '1,234' })).toBe('1,234 objects');
    expect(i18n.t('chip.addFilter', { label: 'a=<b>' })).toBe('Filter by a=<b>');
    void i18n.changeLanguage('zh-CN');
    expect(i18n.t('list.count', { count: 1, formatted: '1' })).toBe('共 1 个对象');
    expect(i18n.t('kind.pods')).toBe('Pod');
    expect(i18n.t('nav.area.workloads')).toBe('工作负载');
  });

  it('has every top-level namespace the UI uses', () => {
    expect(Object.keys(en)).toEqual(expect.arrayContaining(['nav', 'kind', 'column', 'status', 'error', 'action', 'empty', 'list', 'detail']));
  });
});
