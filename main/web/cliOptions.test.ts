import { describe, expect, it } from 'vitest';
import { parseWebCliOptions, UsageError } from './cliOptions';

describe('npm run web options', () => {
  it('defaults to a free port, auto-open, kubeconfig files and a random token', () => {
    expect(parseWebCliOptions([], {})).toEqual({ port: 0, open: 'auto', demoOnly: false, token: undefined, help: false });
  });

  it('reads flags', () => {
    expect(parseWebCliOptions(['--port', '8080', '--no-open', '--demo'], {})).toMatchObject({ port: 8080, open: 'never', demoOnly: true });
    expect(parseWebCliOptions(['--port=9000', '--open'], {})).toMatchObject({ port: 9000, open: 'always' });
    expect(parseWebCliOptions(['-h'], {}).help).toBe(true);
  });

  it('reads PILOTHOUSE_PORT and PILOTHOUSE_TOKEN; flags win over the environment', () => {
    const env = { PILOTHOUSE_PORT: '7000', PILOTHOUSE_TOKEN: 'e2e-fixed-token-0123456789' };
    expect(parseWebCliOptions([], env)).toMatchObject({ port: 7000, token: 'e2e-fixed-token-0123456789' });
    expect(parseWebCliOptions(['--port', '7001'], env).port).toBe(7001);
  });

  it.each([
    [['--port'], '--port needs a value'],
    [['--port', 'abc'], '--port must be a port number from 0 to 65535, got "abc"'],
    [['--port', '70000'], 'got "70000"'],
    [['--bogus'], 'unknown option "--bogus"'],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseWebCliOptions(argv, {})).toThrow(UsageError);
    expect(() => parseWebCliOptions(argv, {})).toThrow(message);
  });

  it('rejects a bad PILOTHOUSE_PORT', () => {
    expect(() => parseWebCliOptions([], { PILOTHOUSE_PORT: '-1' })).toThrow('PILOTHOUSE_PORT must be a port number');
  });
});
