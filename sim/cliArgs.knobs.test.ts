/** The churn and periodic-chaos flags, and what `--help` says about scenarios. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs, usage } from './cliArgs';
import { SCENARIOS } from './scenarios';

describe('sim CLI: churn and periodic chaos flags', () => {
  it('maps --events-per-second to the eventsPerSecond knob and the periodic faults to chaos knobs', () => {
    const { options } = parseCliArgs(['--events-per-second', '250', '--compact-every=30', '--stall-watches-every', '45']);
    expect(options).toEqual({ eventsPerSecond: 250, chaos: { compactEverySeconds: 30, stallWatchesEverySeconds: 45 } });
  });

  it('refuses negative or non-numeric values', () => {
    expect(() => parseCliArgs(['--events-per-second', '-1'])).toThrow('--events-per-second needs a number ≥ 0, got "-1"');
    expect(() => parseCliArgs(['--compact-every', 'often'])).toThrow('--compact-every needs a number, got "often"');
  });

  it('--help lists every scenario, empty included, and the new flags', () => {
    expect(SCENARIOS).toContain('empty');
    expect(usage).toMatch(/--scenario NAME\s+demo \| scale \| minimal \| empty \(default demo\)/);
    for (const flag of ['--events-per-second N', '--compact-every S', '--stall-watches-every S']) expect(usage).toContain(flag);
  });
});
