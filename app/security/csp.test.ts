import { describe, expect, it } from 'vitest';
import { rendererCsp } from './csp';

// The policy as shipped, written out: a change to it must show up as a change here.
const HEADER =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.split(' ')[0] === name);

describe('rendererCsp', () => {
  it('allows nothing but our own files, with no inline code and no eval', () => {
    expect(rendererCsp({ delivery: 'header' })).toBe(HEADER);
  });

  it('leaves frame-ancestors out of a <meta> policy only', () => {
    expect(rendererCsp({ delivery: 'meta' })).toBe(HEADER.replace(" frame-ancestors 'none';", ''));
  });

  it('adds the given origins to connect-src and nowhere else', () => {
    const policy = rendererCsp({ delivery: 'header', connectTo: ['ws://127.0.0.1:4321', 'ws://localhost:4321'] });
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' ws://127.0.0.1:4321 ws://localhost:4321");
    expect(policy.replace(' ws://127.0.0.1:4321 ws://localhost:4321', '')).toBe(HEADER);
  });

  it('accepts IPv6 and secure origins', () => {
    const policy = rendererCsp({ delivery: 'meta', connectTo: ['wss://[::1]:8443', 'https://example.test'] });
    expect(directive(policy, 'connect-src')).toBe("connect-src 'self' wss://[::1]:8443 https://example.test");
  });

  it.each([
    'ws://localhost:1; script-src *',
    'ws://localhost:1, ws://evil.test',
    'ws://a b',
    '*',
    'ws:',
    'https://*.example.test',
    "'unsafe-inline'",
    'data:',
    'ws://localhost:1/path',
    'ws://localhost:1\r\nX-Injected: 1',
    'ws://"onload="x',
    '',
  ])('refuses %j as a connect-src origin', (origin) => {
    expect(() => rendererCsp({ delivery: 'header', connectTo: [origin] })).toThrow(TypeError);
  });

  it('can be put in an HTML attribute and a header as it is', () => {
    for (const delivery of ['header', 'meta'] as const) {
      expect(rendererCsp({ delivery, connectTo: ['ws://localhost:1'] })).toMatch(/^[a-z0-9 :;'./-]+$/);
    }
  });
});
