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

/**
 * Masks what looks like a credential in free text a plugin printed (its stderr): values of
 * secret-looking names (`token=…`, `"client_secret": "…"`, `--password …`), bearer tokens, JWTs
 * and long opaque strings of letters and digits. Masked values become the same short hash as in
 * the command line, so two mentions of one value still read as one.
 */
export function maskSecrets(text: string): string {
  const mask = (m: string, key: string, sep: string, quoteChar: string, v: string) => (v.startsWith('<hidden:') ? m : `${key}${sep}${quoteChar}${hidden(v)}`);
  return text
    .replace(/(Bearer\s+)([A-Za-z0-9._~+/=-]+)/gi, (_m, lead: string, v: string) => lead + hidden(v))
    .replace(/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, (v) => hidden(v))
    .replace(SECRET_ASSIGNMENT, mask)
    .replace(SECRET_FLAG, (m, key: string, sep: string, v: string) => mask(m, key, sep, '', v))
    .replace(/(?<![A-Za-z0-9_+=-])[A-Za-z0-9_+=-]{32,}/g, (v) => (/[0-9]/.test(v) && /[A-Za-z]/.test(v) ? hidden(v) : v));
}

const SECRET_KEY = `[A-Za-z0-9_.-]*(?:${SECRET_NAME.source})[A-Za-z0-9_.-]*`;
/** `name=value`, `name: value` or `"name": "value"` where the name looks secret. */
const SECRET_ASSIGNMENT = new RegExp(`(["']?${SECRET_KEY}["']?)(\\s*[=:]\\s*)(["']?)([^\\s"',;]+)`, 'gi');
/** `--name value` where the flag looks secret (prose such as "token expired" is left alone). */
const SECRET_FLAG = new RegExp(`(--?${SECRET_KEY})(\\s+)(?!-)([^\\s"',;]+)`, 'gi');

function hidden(value: string): string {
  return `<hidden:${createHash('sha256').update(value).digest('hex').slice(0, 12)}>`;
}

function quote(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./~-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
