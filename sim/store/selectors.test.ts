import { describe, expect, it } from 'vitest';
import { ApiError } from '../types';
import { matchFields, matchLabels, parseFieldSelector, parseLabelSelector } from './selectors';

const labels = { app: 'web', tier: 'front', 'example.com/team': 'a', version: '3' };
const sel = (s: string) => matchLabels(parseLabelSelector(s), labels);

describe('label selectors', () => {
  it('supports every operator of the grammar', () => {
    expect(sel('')).toBe(true);
    expect(sel('app=web')).toBe(true);
    expect(sel('app==web')).toBe(true);
    expect(sel('app!=web')).toBe(false);
    expect(sel('app!=db')).toBe(true);
    expect(sel('missing!=x')).toBe(true);
    expect(sel('tier in (front, back)')).toBe(true);
    expect(sel('tier in (back)')).toBe(false);
    expect(sel('tier notin (back)')).toBe(true);
    expect(sel('missing notin (back)')).toBe(true);
    expect(sel('tier notin (front)')).toBe(false);
    expect(sel('example.com/team')).toBe(true);
    expect(sel('!example.com/team')).toBe(false);
    expect(sel('!legacy')).toBe(true);
    expect(sel('version>2,version<4')).toBe(true);
    expect(sel('app=web,tier in (front),!legacy,example.com/team')).toBe(true);
    expect(sel('app=web,tier=back')).toBe(false);
  });

  it('rejects malformed selectors with a 400', () => {
    for (const bad of ['app=we b', 'a in ()', '=x', 'app in (a', 'Bad Key=x', 'version>x']) {
      try {
        parseLabelSelector(bad);
        expect.fail(`accepted ${bad}`);
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).code).toBe(400);
      }
    }
  });
});

describe('field selectors', () => {
  const allowed = new Set(['metadata.name', 'status.phase']);
  it('matches = == and !=', () => {
    const fields = { 'metadata.name': 'a', 'status.phase': 'Running' };
    expect(matchFields(parseFieldSelector('status.phase=Running', allowed), fields)).toBe(true);
    expect(matchFields(parseFieldSelector('status.phase==Running,metadata.name!=b', allowed), fields)).toBe(true);
    expect(matchFields(parseFieldSelector('status.phase!=Running', allowed), fields)).toBe(false);
  });
  it('refuses unknown fields like kube-apiserver', () => {
    expect(() => parseFieldSelector('spec.foo=bar', allowed)).toThrow('field label not supported: spec.foo');
  });
});
