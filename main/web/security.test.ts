import { describe, expect, it } from 'vitest';
import { rendererCsp } from '../../app/security/csp';
import { contentSecurityPolicy, securityHeaders } from './security';

describe('web-mode CSP', () => {
  it('is the one policy of app/security/csp.ts, plus the socket of this port', () => {
    const expected = rendererCsp({ delivery: 'header', connectTo: ['ws://127.0.0.1:4321', 'ws://localhost:4321'] });
    expect(contentSecurityPolicy(4321)).toBe(expected);
    expect(securityHeaders(4321)['Content-Security-Policy']).toBe(expected);
  });
});
