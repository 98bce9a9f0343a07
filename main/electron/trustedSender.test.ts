import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isTrustedFrame, isTrustedSender, safeExternalUrl, type FrameLike } from './trustedSender';

describe('isTrustedSender', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html#/clusters/demo/pods`, 'PILOTHOUSE-APP://renderer/index.html'])(
    'trusts our app page %s',
    (url) => expect(isTrustedSender(url, APP_ORIGIN)).toBe(true),
  );

  it.each([
    ['another host on our scheme', 'pilothouse-app://evil/index.html'],
    ['a web page', 'https://evil.example/'],
    ['a file', 'file:///work/main/dist/renderer/index.html'],
    ['a lookalike host', 'pilothouse-app://renderer.evil/index.html'],
    ['embedded credentials', 'pilothouse-app://user:pw@renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['empty', ''],
    ['garbage', 'not a url'],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s', (_what, url) => expect(isTrustedSender(url, APP_ORIGIN)).toBe(false));

  it('compares against the given origin', () => {
    expect(isTrustedSender('http://127.0.0.1:5173/', 'http://127.0.0.1:5173')).toBe(true);
    expect(isTrustedSender('http://127.0.0.1:5174/', 'http://127.0.0.1:5173')).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  const main: FrameLike = { url: APP_ENTRY_URL, parent: null, processId: 4, routingId: 1 };

  it('trusts the main frame showing our app', () => {
    expect(isTrustedFrame({ ...main }, main)).toBe(true);
  });

  it('refuses a sub-frame, even of our own origin', () => {
    expect(isTrustedFrame({ url: APP_ENTRY_URL, parent: main, processId: 4, routingId: 2 }, main)).toBe(false);
  });

  it('refuses another top-level frame (another process or routing id)', () => {
    expect(isTrustedFrame({ ...main, processId: 5 }, main)).toBe(false);
    expect(isTrustedFrame({ ...main, routingId: 9 }, main)).toBe(false);
  });

  it('refuses our main frame once it shows a foreign page', () => {
    expect(isTrustedFrame({ ...main, url: 'https://evil.example/' }, main)).toBe(false);
  });

  it('refuses a missing frame (navigated away or destroyed)', () => {
    expect(isTrustedFrame(null, main)).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it('allows plain http(s) links and normalizes them', () => {
    expect(safeExternalUrl('https://kubernetes.io/docs/')).toBe('https://kubernetes.io/docs/');
    expect(safeExternalUrl('HTTP://Example.COM')).toBe('http://example.com/');
  });

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'vscode://file/etc/passwd',
    'https://user:secret@example.com/',
    'pilothouse-app://renderer/',
    'not a url',
  ])('refuses %s', (url) => expect(safeExternalUrl(url)).toBeUndefined());
});
