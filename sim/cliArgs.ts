/** Command-line flags → startSim options. Unknown `--knob value` pairs pass through as knobs. */
import type { ChaosKnobs } from './types';
import type { StartSimOptions } from './index';

export const usage = `usage: npm run sim -- [options]
  --scenario NAME            demo (default) | scale | minimal
  --port N                   TCP port (default 0 = any free port)
  --host ADDR                bind address (default 127.0.0.1)
  --data-dir DIR             where the kubeconfig is written (default: a temp dir)
  --pods N                   pods for the scale scenario
  --history-size N           watch events kept per resource type (default 10000)
  --bookmark-interval S      seconds between watch BOOKMARKs (default 60)
  --continue-ttl S           continue-token lifetime in seconds (default 300)
  --viewer-namespace NS      namespace the sim-viewer user may read (default shop)
  --admin-token T / --viewer-token T   fixed bearer tokens
chaos:
  --latency-ms N             delay every response
  --rate-429 F               fraction of requests answered 429 (Retry-After)
  --retry-after S            Retry-After seconds for injected 429s (default 1)
  --rate-5xx F               fraction of requests answered 503
  --drop-watches-every S     close all watches every S seconds
  --malformed-watch-rate F   fraction of watch lines sent as broken JSON
  --truncated-watch-rate F   fraction of watch lines cut short (connection closed)
any other --name value is passed to scenarios/controllers as a knob (camelCased).`;

const CHAOS_FLAGS: Record<string, keyof ChaosKnobs> = {
  'latency-ms': 'latencyMs',
  'rate-429': 'rate429',
  'retry-after': 'retryAfterSeconds',
  'rate-5xx': 'rate5xx',
  'drop-watches-every': 'dropWatchesEverySeconds',
  'malformed-watch-rate': 'malformedWatchRate',
  'truncated-watch-rate': 'truncatedWatchRate',
};

const camel = (s: string) => s.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function num(flag: string, v: string): number {
  const n = Number(v);
  if (v === '' || !Number.isFinite(n)) throw new Error(`--${flag} needs a number, got "${v}"`);
  return n;
}

export function parseCliArgs(argv: string[]): { options: StartSimOptions; help: boolean } {
  const options: StartSimOptions = {};
  const chaos: Partial<ChaosKnobs> = {};
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    let flag = arg.slice(2);
    let value: string | undefined;
    if (flag.includes('=')) {
      value = flag.slice(flag.indexOf('=') + 1);
      flag = flag.slice(0, flag.indexOf('='));
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      value = argv[++i];
    }
    const need = () => {
      if (value === undefined) throw new Error(`--${flag} needs a value`);
      return value;
    };
    if (CHAOS_FLAGS[flag]) {
      chaos[CHAOS_FLAGS[flag]] = num(flag, need());
      continue;
    }
    switch (flag) {
      case 'scenario': options.scenario = need(); break;
      case 'port': options.port = num(flag, need()); break;
      case 'host': options.host = need(); break;
      case 'data-dir': options.dataDir = need(); break;
      case 'history-size': options.historySize = num(flag, need()); break;
      case 'bookmark-interval': options.bookmarkIntervalSeconds = num(flag, need()); break;
      case 'continue-ttl': options.continueTtlSeconds = num(flag, need()); break;
      case 'viewer-namespace': options.viewerNamespace = need(); break;
      case 'admin-token': options.tokens = { ...options.tokens, admin: need() }; break;
      case 'viewer-token': options.tokens = { ...options.tokens, viewer: need() }; break;
      default: {
        // Knobs for scenarios/controllers: numbers stay numbers, a bare flag is true.
        const v = value === undefined ? true : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
        (options as Record<string, unknown>)[camel(flag)] = v;
      }
    }
  }
  if (Object.keys(chaos).length) options.chaos = chaos;
  return { options, help };
}
