import { describe, expect, it } from 'vitest';
import { checkI18n, scanSource } from './check-i18n';

const catalogs = {
  en: { nav: { pods: 'Pods' }, list: { count_one: '{{count}} object', count_other: '{{count}} objects' } },
  'zh-CN': { nav: { pods: 'Pod' }, list: { count_other: '{{count}} 个对象' } },
};

const messages = (src: string, path = 'renderer/X.tsx') => scanSource({ path, text: src }).problems.map((p) => `${p.line}: ${p.message}`);

describe('check-i18n: hard-coded strings', () => {
  it('flags JSX text with letters, with its line', () => {
    expect(messages('const a = <div>\n  <b>Hello world</b>\n</div>;')).toEqual(['2: hard-coded JSX text "Hello world"']);
  });

  it('flags CJK text too', () => {
    expect(messages('const a = <p>工作负载</p>;')).toHaveLength(1);
  });

  it('allows punctuation, numbers and expressions', () => {
    expect(messages("const a = <p>{t('nav.pods')} · 42 / {count} —</p>;")).toEqual([]);
  });

  it('flags string literals in user-facing props, plain or in braces', () => {
    const src = [
      'const a = <input placeholder="Search pods" />;',
      "const b = <button aria-label={'Close'} />;",
      'const c = <img alt={`Logo`} />;',
      "const d = <span title={x ? 'Yes' : 'No'} />;",
      "const e = <div className=\"grow\" data-x=\"words ok\" role=\"table\" />;",
    ].join('\n');
    expect(messages(src).map((m) => m.split(':')[0])).toEqual(['1', '2', '3', '4']);
  });

  it('flags literal strings rendered as children', () => {
    expect(messages("const a = <p>{'Loading'}</p>;\nconst b = <>{x || 'none'}</>;")).toHaveLength(2);
  });

  it('honours i18n-ignore on the line or the line above', () => {
    expect(messages('// i18n-ignore: a language name is not translated\nconst a = <option>English</option>;')).toEqual([]);
  });

  it('does not treat .ts files as JSX', () => {
    expect(messages("export const x = 'Hello';", 'renderer/x.ts')).toEqual([]);
  });
});

describe('check-i18n: keys and catalogs', () => {
  it('passes when every key used exists in both catalogs (plural-aware)', () => {
    const src = "const a = <p title={t('nav.pods')}>{t('list.count', { count: 2 })}</p>;";
    expect(checkI18n({ sources: [{ path: 'renderer/A.tsx', text: src }], catalogs })).toEqual([]);
  });

  it('reports a key missing from the catalogs with file:line', () => {
    const src = "\nconst a = i18n.t('nav.nodes');";
    const problems = checkI18n({ sources: [{ path: 'renderer/a.ts', text: src }], catalogs });
    expect(problems).toEqual([
      { file: 'renderer/a.ts', line: 2, message: 'key "nav.nodes" missing from en catalog' },
      { file: 'renderer/a.ts', line: 2, message: 'key "nav.nodes" missing from zh-CN catalog' },
    ]);
  });

  it('checks template-literal keys by their static prefix', () => {
    const ok = checkI18n({ sources: [{ path: 'a.ts', text: 't(`nav.${id}`)' }], catalogs });
    const bad = checkI18n({ sources: [{ path: 'a.ts', text: 't(`status.${id}`)' }], catalogs });
    expect(ok).toEqual([]);
    expect(bad.map((p) => p.message)).toContain('key "status." (prefix) missing from en catalog');
  });

  it('reports keys present in one catalog only', () => {
    const problems = checkI18n({ sources: [], catalogs: { en: { a: { b: 'x', c: 'y' } }, 'zh-CN': { a: { b: 'x' } } } });
    expect(problems.map((p) => p.message)).toEqual(['key "a.c" is in en but missing from zh-CN']);
  });

  it('reports a plural missing a category its language needs', () => {
    const problems = checkI18n({ sources: [], catalogs: { en: { n_other: 'x' }, 'zh-CN': { n_other: 'x' } } });
    expect(problems.map((p) => p.message)).toEqual(['plural key "n" lacks the "one" form en needs']);
  });

  it('checks external keys such as the kinds registry titles', () => {
    const problems = checkI18n({ sources: [], catalogs, externalKeys: [{ key: 'kind.pods', origin: 'app/kinds (pods)' }] });
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'app/kinds (pods): key "kind.pods" missing from en catalog',
      'app/kinds (pods): key "kind.pods" missing from zh-CN catalog',
    ]);
  });
});
