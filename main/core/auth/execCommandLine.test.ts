import { describe, expect, it } from 'vitest';
import { execCommandLine } from './execCommandLine';

describe('execCommandLine', () => {
  it('quotes words that need it, so what the user trusts is exactly what runs', () => {
    expect(execCommandLine({ command: 'sh', args: ['-c', "touch /tmp/x; echo 'hi'"], env: [{ name: 'AWS_PROFILE', value: 'prod' }] })).toBe(
      `AWS_PROFILE=prod sh -c 'touch /tmp/x; echo '\\''hi'\\'''`,
    );
  });

  it('hides secret-looking env values and flags behind a hash that still changes with the value', () => {
    const line = (secret: string) =>
      execCommandLine({ command: 'kubectl', args: ['oidc-login', 'get-token', `--oidc-client-secret=${secret}`, '--password', secret, '--oidc-client-id=app'], env: [{ name: 'VAULT_TOKEN', value: secret }] });
    const a = line('s3cr3t-value');
    expect(a).not.toContain('s3cr3t-value');
    expect(a).toMatch(/^VAULT_TOKEN=<hidden:[0-9a-f]{12}> kubectl oidc-login get-token --oidc-client-secret=<hidden:[0-9a-f]{12}> --password <hidden:[0-9a-f]{12}> --oidc-client-id=app$/);
    expect(line('other-value')).not.toBe(a);
  });
});
