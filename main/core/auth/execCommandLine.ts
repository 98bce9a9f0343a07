/**
 * The exact command line of an exec credential plugin, as shown to the user and as stored in the
 * trust store: environment assignments, command and arguments, each shell-quoted when needed.
 * Trust is bound to this string, so any change to command, args or env asks again.
 */
import type { ExecConfig } from '../kubeconfig/types';

export function execCommandLine(exec: ExecConfig): string {
  const env = exec.env.map((e) => `${e.name}=${quote(e.value)}`);
  return [...env, quote(exec.command), ...exec.args.map(quote)].join(' ');
}

function quote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
