/**
 * Every message main can send for display, and every stream reason, has a key in every catalog
 * with the same parameters; and the helpers turn what main sends into sentences in each language.
 * The lists come from app/ (MESSAGE_PARAMS, STREAM_REASONS), so a new code without a key, or a
 * message whose parameters differ from what main sends, fails here.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, MESSAGE_CODES, MESSAGE_PARAMS, type ContractErrorData } from '../../../app/contract/errors';
import { STREAM_REASONS } from '../../../app/watch/types';
import { createI18n, SUPPORTED_LANGUAGES } from '../../i18n';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import { errorText, messageText, problemText } from './errorText';
import { LABELLED_REASONS, reasonText, streamStatusText } from './reasonText';

const catalogs: Record<string, unknown> = { en, 'zh-CN': zhCN };
const lookup = (catalog: unknown, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
const paramsOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('covers both shipped languages', () => {
    expect(Object.keys(catalogs).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang}: every message code main can send has a message`, () => {
      const missing = MESSAGE_CODES.filter((code) => typeof lookup(catalog, `message.${code}`) !== 'string' || lookup(catalog, `message.${code}`) === '');
      expect(missing).toEqual([]);
    });

    it(`${lang}: every stream reason has a short label`, () => {
      const missing = LABELLED_REASONS.filter((reason) => typeof lookup(catalog, `status.reason.${reason}`) !== 'string');
      expect(missing).toEqual([]);
      expect(STREAM_REASONS.every((r) => LABELLED_REASONS.includes(r))).toBe(true);
    });
  }

  for (const [lang, catalog] of Object.entries(catalogs)) {
    it(`${lang}: each message uses exactly the parameters main sends with it (MESSAGE_PARAMS)`, () => {
      const wrong = MESSAGE_CODES.filter((code) => JSON.stringify(paramsOf(String(lookup(catalog, `message.${code}`))).sort()) !== JSON.stringify([...MESSAGE_PARAMS[code]].sort()));
      expect(wrong).toEqual([]);
    });
  }

  it('uses the same parameters in every language', () => {
    const keys = [...MESSAGE_CODES.map((c) => `message.${c}`), 'message.inEntry', 'message.atLine', 'message.withDetail', 'message.unknown'];
    const mismatched = keys.filter((key) => JSON.stringify(paramsOf(String(lookup(en, key)))) !== JSON.stringify(paramsOf(String(lookup(zhCN, key)))));
    expect(mismatched).toEqual([]);
  });
});

describe('errorText, messageText, reasonText', () => {
  const enT = createI18n('en').t;
  const zhT = createI18n('zh-CN').t;

  it('translates a message id with its parameters, and keeps the API server text verbatim as detail', () => {
    const err: ContractErrorData = {
      code: 'forbidden',
      message: 'pods is forbidden: User "viewer" cannot list resource "pods"',
      display: { code: 'forbidden' },
      detail: 'pods is forbidden: User "viewer" cannot list resource "pods"',
      status: 403,
    };
    expect(errorText(enT, err)).toBe('Access denied: pods is forbidden: User "viewer" cannot list resource "pods"');
    expect(errorText(zhT, err)).toBe('访问被拒绝：pods is forbidden: User "viewer" cannot list resource "pods"');
    const dropped = { code: 'unauthorized', message: 'x', display: { code: 'exec-exit-code', params: { command: 'aws eks get-token', code: 255 } }, detail: 'An error occurred (ExpiredToken)' } as const;
    expect(errorText(enT, dropped)).toBe('The credential plugin exited with code 255: aws eks get-token Detail: An error occurred (ExpiredToken)');
    expect(errorText(zhT, dropped)).toBe('凭证插件以退出码 255 结束：aws eks get-token 详情：An error occurred (ExpiredToken)');
    const watchdog = { code: 'watchdog', params: { seconds: 90 } } as const;
    expect(messageText(enT, watchdog)).toBe('No data from the API server for 90 s.');
    expect(messageText(zhT, watchdog)).toBe('API Server 已 90 秒没有发送数据。');
  });

  it('places the entry and line of a kubeconfig problem around the message', () => {
    const problem = { file: '/home/me/.kube/config', message: 'x', display: { code: 'kubeconfig-field-missing', params: { field: 'context.cluster', entry: 'contexts[1] "broken"', line: 12 } } } as const;
    expect(problemText(enT, problem)).toBe('contexts[1] "broken": context.cluster is missing. (line 12)');
    expect(problemText(zhT, problem)).toBe('contexts[1] "broken"：缺少 context.cluster。（第 12 行）');
    // An old-style problem without a message id still reads as a kubeconfig problem.
    expect(problemText(enT, { file: '/k', message: 'Bad thing' })).toBe('Kubeconfig problem: Bad thing');
  });

  it('shows every error code in words even without a message id, and never a raw key', () => {
    for (const t of [enT, zhT]) {
      for (const code of ERROR_CODES) {
        const text = errorText(t, { code, message: '' });
        expect(text).not.toMatch(/^message\.|\{\{/);
      }
    }
    expect(errorText(enT, { code: 'unreachable', message: 'Connection closed' })).toBe('Cluster unreachable: Connection closed');
    expect(errorText(enT, { code: 'conflict', message: 'changed' })).toBe('It changed in the meantime. Detail: changed');
    expect(errorText(enT, { code: 'cancelled', message: 'Cancelled' })).toBe('Cancelled.');
    expect(errorText(enT, new Error('boom'))).toBe('Something went wrong: boom');
    // A stream reason passed as a code reads as its label.
    expect(errorText(enT, { code: 'stalled', message: 'No data' })).toBe('stream stalled Detail: No data');
  });

  it('labels every reason, and an unknown one as it is', () => {
    expect(reasonText(zhT, 'kubeconfig')).toBe('kubeconfig 有误');
    expect(reasonText(enT, 'untrusted-exec')).toBe('plugin not trusted');
    expect(reasonText(enT, 'something-new')).toBe('something-new');
    for (const t of [enT, zhT]) for (const r of LABELLED_REASONS) expect(reasonText(t, r)).not.toMatch(/^status\.reason\./);
  });

  it('gives the full sentence of a stream status, falling back to its label', () => {
    expect(streamStatusText(enT, { reason: 'connection-dropped', display: { code: 'net-refused', params: { server: 'https://10.0.0.1:6443' } } })).toBe('Cannot reach https://10.0.0.1:6443: connection refused.');
    expect(streamStatusText(zhT, { reason: 'stalled' })).toBe('数据流停滞');
    expect(streamStatusText(enT, {})).toBe('');
  });

  it('shows an unknown message id (from a newer core) without breaking', () => {
    expect(messageText(enT, { code: 'from-the-future' as never })).toBe('Unknown problem (from-the-future).');
  });
});
