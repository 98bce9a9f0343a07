/**
 * Command-line options of `npm run web` (main/web/cli.ts), parsed strictly: an unknown flag
 * or a bad port is a usage error that names the problem, never silently ignored.
 */

export interface WebCliOptions {
  port: number;
  /** 'auto' opens a browser only when a display exists and we run in a terminal. */
  open: 'auto' | 'always' | 'never';
  demoOnly: boolean;
  /** A fixed token (PILOTHOUSE_TOKEN), for e2e runs. */
  token?: string;
  help: boolean;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const WEB_USAGE = `Usage: npm run web -- [options]

Serves Pilothouse to your browser on http://127.0.0.1 (loopback only) and prints the URL,
which carries a one-time token. Reads $KUBECONFIG (or ~/.kube/config); with no kubeconfig
it starts the built-in demo cluster.

Options:
  --port <n>   port to listen on (default: $PILOTHOUSE_PORT, else a free port)
  --open       open the default browser
  --no-open    do not open a browser (default: open only when a display exists and
               the output is a terminal)
  --demo       ignore kubeconfig files; open only the built-in demo cluster
  -h, --help   show this help

Environment:
  KUBECONFIG            kubeconfig files to read (":"-separated, as kubectl)
  PILOTHOUSE_PORT       port to listen on
  PILOTHOUSE_TOKEN      fixed access token (16+ URL-safe characters; default random)
  PILOTHOUSE_DATA_DIR   where settings, trusted exec commands and demo data live
`;

export function parsePort(value: string, from: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`${from} must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

export function parseWebCliOptions(argv: string[], env: Record<string, string | undefined>): WebCliOptions {
  const options: WebCliOptions = {
    port: env.PILOTHOUSE_PORT ? parsePort(env.PILOTHOUSE_PORT, 'PILOTHOUSE_PORT') : 0,
    open: 'auto',
    demoOnly: false,
    token: env.PILOTHOUSE_TOKEN || undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg === '--port' ? argv[++i] : arg.slice('--port='.length);
      if (value === undefined) throw new UsageError('--port needs a value');
      options.port = parsePort(value, '--port');
    } else if (arg === '--open') options.open = 'always';
    else if (arg === '--no-open') options.open = 'never';
    else if (arg === '--demo') options.demoOnly = true;
    else if (arg === '-h' || arg === '--help') options.help = true;
    else throw new UsageError(`unknown option "${arg}" (see --help)`);
  }
  return options;
}
