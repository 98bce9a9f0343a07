import { describe, expect, it } from 'vitest';
import { FLAGS, parseCliArgs, usage } from './cliArgs';

/** A value each flag accepts, by kind. */
const sample = (kind: string) => (kind === 'fraction' ? '0.5' : kind === 'text' ? 'x' : '3');

describe('sim CLI flags', () => {
  it('maps core options, knobs and chaos knobs', () => {
    const { options } = parseCliArgs([
      '--scenario', 'scale', '--port=7443', '--pods', '50000', '--speed', '10', '--latency-ms', '25', '--rate-429', '0.1',
      '--service-proxy-upstreams', 'monitoring/prometheus-server=http://127.0.0.1:9090', '--admin-token', 'a', '--viewer-token=v', '--no-controllers',
    ]);
    expect(options).toEqual({
      scenario: 'scale', port: 7443, pods: 50000, speed: 10, serviceProxyUpstreams: 'monitoring/prometheus-server=http://127.0.0.1:9090',
      tokens: { admin: 'a', viewer: 'v' }, controllers: false, chaos: { latencyMs: 25, rate429: 0.1 },
    });
  });

  it('lists every flag the parser accepts in the usage text, and accepts every flag the usage lists', () => {
    const listed = new Set([...usage.matchAll(/(?<![\w-])--([a-z0-9-]+)/g)].map((m) => m[1]));
    for (const f of FLAGS) {
      expect(listed, `--${f.name} missing from usage`).toContain(f.name);
      // ...and the flag really is accepted with the kind of value the usage promises.
      const argv = f.kind === 'switch' ? [`--${f.name}`] : [`--${f.name}`, sample(f.kind)];
      expect(() => parseCliArgs(argv), `--${f.name}`).not.toThrow();
    }
    for (const name of listed) {
      if (name === 'help') continue;
      expect(FLAGS.map((f) => f.name), `usage lists --${name} but the parser does not know it`).toContain(name);
    }
    expect(usage).toContain('--service-proxy-upstreams');
    expect(parseCliArgs(['--help']).help).toBe(true);
    expect(parseCliArgs(['-h']).help).toBe(true);
  });

  it('refuses bad input with a clear message', () => {
    expect(() => parseCliArgs(['--port', 'abc'])).toThrow('--port needs a number, got "abc"');
    expect(() => parseCliArgs(['--port', '1.5'])).toThrow('--port needs a whole number ≥ 0, got "1.5"');
    expect(() => parseCliArgs(['--rate-5xx', '2'])).toThrow('--rate-5xx needs a fraction from 0 to 1, got "2"');
    expect(() => parseCliArgs(['--latency-ms', '-5'])).toThrow('--latency-ms needs a number ≥ 0, got "-5"');
    expect(() => parseCliArgs(['--scenario'])).toThrow('--scenario needs a value');
    expect(() => parseCliArgs(['--no-controllers=yes'])).toThrow('--no-controllers takes no value');
    expect(() => parseCliArgs(['--pod', '5000'])).toThrow('unknown flag "--pod"');
    expect(() => parseCliArgs(['stray'])).toThrow('unexpected argument "stray"');
  });
});
