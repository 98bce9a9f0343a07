/**
 * The command line of an exec credential plugin, as shown to the user and as stored in the
 * trust store: environment assignments, command and arguments, each shell-quoted when needed.
 * Trust is bound to this string, so any change to command, args or env asks again.
 *
 * Kubeconfigs sometimes carry secrets in a plugin's env or flags (kubelogin's
 * `--oidc-client-secret=…`, `VAULT_TOKEN=…`). This string reaches the renderer, so such values
 * are shown as a short hash instead: still a different string (and a new trust prompt) when the
 * value changes, but not the secret itself.
 */
import { createHash } from 'node:crypto';
import type { ExecConfig } from '../kubeconfig/types';

const SECRET_NAME = /token|secret|password|passwd|credential|api[-_]?key|private[-_]?key/i;

export function execCommandLine(exec: ExecConfig): string {
  const env = exec.env.map((e) => `${e.name}=${SECRET_NAME.test(e.name) ? hidden(e.value) : quote(e.value)}`);
  const args: string[] = [];
  for (let i = 0; i < exec.args.length; i++) {
    const arg = exec.args[i];
    const flag = /^(--?[A-Za-z0-9][A-Za-z0-9_.-]*)=(.*)$/s.exec(arg);
    if (flag && SECRET_NAME.test(flag[1])) {
      args.push(`${flag[1]}=${hidden(flag[2])}`);
    } else if (/^--?[A-Za-z]/.test(arg) && SECRET_NAME.test(arg) && i + 1 < exec.args.length && !exec.args[i + 1].startsWith('-')) {
      args.push(quote(arg), hidden(exec.args[++i]));
    } else {
      args.push(quote(arg));
    }
  }
  return [...env, quote(exec.command), ...args].join(' ');
}

function hidden(value: string): string {
  return `<hidden:${createHash('sha256').update(value).digest('hex').slice(0, 12)}>`;
}

function quote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
