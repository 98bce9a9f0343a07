import { describe, expect, it } from 'vitest';
import { parseCliArgs } from './cliArgs';

describe('sim CLI flags', () => {
  it('maps core options, chaos knobs and pass-through knobs', () => {
    const { options } = parseCliArgs(['--scenario', 'scale', '--port=7443', '--pods', '50000', '--latency-ms', '25', '--rate-429', '0.1', '--events-per-second', '5', '--fast']);
    expect(options).toMatchObject({ scenario: 'scale', port: 7443, pods: 50000, eventsPerSecond: 5, fast: true, chaos: { latencyMs: 25, rate429: 0.1 } });
  });

  it('refuses bad values with a clear message', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port needs a number, got "abc"');
    expect(() => parseCliArgs(['--scenario'])).toThrow('--scenario needs a value');
    expect(() => parseCliArgs(['stray'])).toThrow('unexpected argument "stray"');
  });
});
