import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { resolveSelector } from './listFilter';
import { selectorErrorLead } from './selectorErrorText';

const lead = (lang: 'en' | 'zh-CN', text: string) => {
  const { error } = resolveSelector(text, '');
  if (!error) throw new Error(`"${text}" parsed`);
  return { lead: selectorErrorLead(createI18n(lang).t, text, error), problem: error.problem };
};

describe('selector errors in the UI language', () => {
  it('says where and what was found, in Chinese, keeping the parser detail apart', () => {
    expect(lead('zh-CN', 'app in (web,')).toEqual({ lead: '选择器在末尾不完整。', problem: 'expected a value, "," or ")" in the list of "in"' });
    expect(lead('zh-CN', 'tier=(')).toEqual({ lead: '选择器在第 6 个字符处有误（此处为 "("）。', problem: 'expected a value after "="' });
    expect(lead('en', 'tier=(').lead).toBe('Invalid selector at character 6 (found "(").');
    expect(lead('en', 'app in (web').lead).toBe('The selector is incomplete at the end.');
  });

  it('an invalid key has no token to show: position only', () => {
    const r = lead('zh-CN', 'a b=c,-bad=1');
    expect(r.lead).toMatch(/^选择器在第 \d+ 个字符处有误/);
    const key = lead('zh-CN', '-bad=1');
    expect(key.lead).toBe('选择器在第 1 个字符处有误。');
    expect(key.problem).toMatch(/^invalid label key "-bad"/);
  });
});
