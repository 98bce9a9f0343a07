/**
 * Where an exec'd command runs: a per-container scratch directory (cwd and HOME), a minimal
 * environment (nothing of the host's: no tokens, no kubeconfig, no proxy settings) and, where
 * bubblewrap is installed, a sandbox that sees only the system directories read-only, the
 * scratch directory read-write, a private /tmp, no network and its own pid/uts namespaces.
 *
 * Without bwrap the command still starts in the scratch dir with the minimal env, but it can
 * read and write anything the simulator's user can (documented in sim/README.md).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SandboxTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface SandboxOptions {
  /** The simulator's data dir (scratch dirs go under `<dataDir>/exec/`). */
  dataDir?: string;
  /** Use bubblewrap when available (default true). */
  useBwrap?: boolean;
}

export interface SandboxedCommand {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  scratchDir: string;
  confined: boolean;
}

const PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
/** /etc entries a shell and common tools need; the rest of the host's /etc stays invisible. */
const ETC_FILES = ['passwd', 'group', 'nsswitch.conf', 'ld.so.cache', 'ld.so.conf', 'ld.so.conf.d', 'localtime', 'alternatives', 'terminfo', 'inputrc', 'bash.bashrc', 'profile', 'os-release', 'debian_version', 'mime.types', 'ssl'];

let bwrapPath: string | null | undefined;
/** Absolute path of bwrap if installed and usable here (probed once). */
export function findBwrap(): string | null {
  if (bwrapPath !== undefined) return bwrapPath;
  bwrapPath = null;
  for (const candidate of ['/usr/bin/bwrap', '/usr/local/bin/bwrap']) {
    if (!existsSync(candidate)) continue;
    try {
      // Containers without user-namespace support have bwrap but cannot use it.
      execFileSync(candidate, [...baseBwrapArgs(), '--', '/bin/true'], { stdio: 'ignore', timeout: 5000 });
      bwrapPath = candidate;
    } catch {
      bwrapPath = null;
    }
    break;
  }
  return bwrapPath;
}

function baseBwrapArgs(): string[] {
  const args = ['--ro-bind', '/usr', '/usr'];
  for (const dir of ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32']) {
    if (!existsSync(dir)) continue;
    const stat = lstatSync(dir);
    if (stat.isSymbolicLink()) args.push('--symlink', `usr${dir}`, dir);
    else args.push('--ro-bind', dir, dir);
  }
  for (const entry of ETC_FILES) {
    if (existsSync(`/etc/${entry}`)) args.push('--ro-bind', `/etc/${entry}`, `/etc/${entry}`);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--tmpfs', '/tmp', '--unshare-all', '--die-with-parent', '--cap-drop', 'ALL');
  return args;
}

/** The scratch directory of a container, created on first use; it outlives sessions like a container's filesystem. */
export function scratchDirFor(target: SandboxTarget, dataDir?: string): string {
  const safe = (part: string) => part.replace(/[^a-zA-Z0-9._-]/g, '_');
  const root = dataDir ?? join(tmpdir(), `pilothouse-sim-exec-${process.pid}`);
  const dir = join(root, 'exec', safe(target.namespace), safe(target.pod), safe(target.container));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** How to start `command` for the target: inside bwrap when possible. */
export function sandboxCommand(command: string[], target: SandboxTarget, tty: boolean, options: SandboxOptions = {}): SandboxedCommand {
  const scratchDir = scratchDirFor(target, options.dataDir);
  // dash and bash both expand $PWD in PS1; `\w` would be bash-only.
  const prompt = process.getuid?.() === 0 ? '#' : '$';
  const env: Record<string, string> = { PATH, HOME: scratchDir, HOSTNAME: target.pod, PS1: `${target.pod}:$PWD${prompt} ` };
  if (tty) env.TERM = 'xterm-256color';
  const bwrap = options.useBwrap === false ? null : findBwrap();
  if (!bwrap) return { file: command[0], args: command.slice(1), cwd: scratchDir, env, scratchDir, confined: false };
  const args = [...baseBwrapArgs(), '--hostname', target.pod, '--bind', scratchDir, scratchDir, '--chdir', scratchDir];
  // Without a TTY, a new session stops the command from pushing input into ours (TIOCSTI);
  // with one, the PTY is private already and the shell needs it as its controlling terminal.
  if (!tty) args.push('--new-session');
  if (tty) {
    // The PTY's foreground process group lives outside the sandbox's pid namespace, so a shell
    // there cannot restore it on exit (dash then exits 2 instead of the user's code). util-linux
    // `script` gives the command a terminal of the sandbox's own, relays SIGWINCH and returns
    // the command's exit code.
    env.SHELL = '/bin/sh';
    args.push('--', 'script', '-qfec', command.map(shellQuote).join(' '), '/dev/null');
  } else {
    args.push('--', ...command);
  }
  return { file: bwrap, args, cwd: scratchDir, env, scratchDir, confined: true };
}

function shellQuote(arg: string): string {
  return /^[a-zA-Z0-9_./:=@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** Whether `name` resolves to an executable on the sandbox PATH (for the runtime's "not found" error). */
export function commandExists(name: string, cwd: string): boolean {
  if (name.includes('/')) return existsSync(name.startsWith('/') ? name : join(cwd, name));
  return PATH.split(':').some((dir) => existsSync(join(dir, name)));
}
