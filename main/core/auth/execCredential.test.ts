/**
 * What a failing exec credential plugin's stderr contributes to the error the user sees: the
 * last few lines only, with tokens masked. Real plugins (sh scripts) run through runExecPlugin.
 */
import { describe, expect, it } from 'vitest';
import { ContractError } from '../../../app/contract/errors';
import { runExecPlugin, stderrTail, STDERR_TAIL_CHARS } from './execCredential';

async function failure(script: string, extra: { installHint?: string; command?: string } = {}): Promise<ContractError> {
  const err = await runExecPlugin({ command: extra.command ?? 'sh', args: ['-c', script], env: [], installHint: extra.installHint }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ContractError);
  return err as ContractError;
}

describe('a failing plugin', () => {
  it('shows only the last 5 lines of a long stderr, masking tokens, in the message and the detail', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl';
    const script = [
      'i=0; while [ $i -lt 300 ]; do echo "debug line $i: refreshing with refresh_token=rt-$i-secretvalue" >&2; i=$((i+1)); done',
      // Built at run time, so the token is not in the command line itself (which the user trusted and sees anyway).
      `h=${token.split('.')[0]}; echo "sending Authorization: Bearer $h.${token.split('.').slice(1).join('.')}" >&2`,
      'echo "error: the server rejected the refresh token (invalid_grant)" >&2',
      'exit 3',
    ].join('\n');
    const err = await failure(script);
    expect(err.code).toBe('unauthorized');
    expect(err.display).toMatchObject({ code: 'exec-exit-code', params: { code: 3 } });
    const detail = err.detail!;
    expect(detail.split('\n').filter((l) => l !== '…')).toHaveLength(5);
    expect(detail.length).toBeLessThanOrEqual(STDERR_TAIL_CHARS);
    expect(detail).toContain('error: the server rejected the refresh token (invalid_grant)');
    expect(detail).toContain('debug line 299');
    expect(detail).not.toContain('debug line 294');
    for (const text of [detail, err.message, JSON.stringify(err.toJSON())]) {
      expect(text).not.toContain(token);
      expect(text).not.toMatch(/rt-\d+-secretvalue/);
    }
    expect(detail).toMatch(/Bearer <hidden:[0-9a-f]{12}>/);
    expect(err.message.length).toBeLessThan(STDERR_TAIL_CHARS + 200);
  });

  it('cuts a single huge line to the last 500 characters', async () => {
    const err = await failure(`head -c 5000 /dev/zero | tr '\\0' 'x' >&2; echo " the real reason" >&2; exit 1`);
    expect(err.detail!.length).toBeLessThanOrEqual(STDERR_TAIL_CHARS);
    expect(err.detail).toMatch(/^….*the real reason$/s);
  });

  it('has no detail when stderr was empty, and names a missing plugin with the kubeconfig hint as detail', async () => {
    const silent = await failure('exit 2');
    expect(silent.detail).toBeUndefined();
    expect(silent.display).toMatchObject({ code: 'exec-exit-code', params: { code: 2 } });
    const missing = await failure('', { command: 'pilothouse-no-such-plugin', installHint: 'Install it with: brew install no-such-plugin' });
    expect(missing.display).toEqual({ code: 'exec-not-found', params: { command: 'pilothouse-no-such-plugin' } });
    expect(missing.detail).toBe('Install it with: brew install no-such-plugin');
  });

  it('names plugins that print no credential', async () => {
    expect((await failure('echo not-json')).display?.code).toBe('exec-no-json');
    expect((await failure(`echo '{"kind":"ExecCredential"}'`)).display?.code).toBe('exec-no-status');
    expect((await failure(`echo '{"kind":"ExecCredential","status":{}}'`)).display?.code).toBe('exec-no-credential');
  });
});

describe('stderrTail', () => {
  it('keeps short output as it is, without blank lines', () => {
    expect(stderrTail('\nfirst\n\n  second  \n')).toBe('first\n  second');
  });

  it('masks secret-looking values but leaves prose about tokens alone', () => {
    expect(stderrTail('error: token expired, please log in again')).toBe('error: token expired, please log in again');
    const masked = stderrTail('retrying with --client-secret abc123 and {"access_token": "ya29.A0ARrdaM"}');
    expect(masked).not.toContain('abc123');
    expect(masked).not.toContain('ya29.A0ARrdaM');
    expect(masked).toMatch(/--client-secret <hidden:[0-9a-f]{12}>/);
  });
});
