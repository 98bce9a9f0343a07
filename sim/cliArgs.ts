/**
 * Command-line flags → startSim options. One table ({@link FLAGS}) drives both the parser and
 * the usage text, so every flag accepted is listed in `--help`; an unknown flag is an error
 * (a typo such as `--pod 5000` must not be silently ignored).
 */
import type { ChaosKnobs } from './types';
import type { StartSimOptions } from './index';
import { SCENARIOS } from './scenarios';

type ValueKind =
  /** any string */
  | 'text'
  /** a whole number ≥ 0 */
  | 'count'
  /** a number ≥ 0 */
  | 'amount'
  /** a number from 0 to 1 */
  | 'fraction'
  /** no value: present = on */
  | 'switch';

export interface FlagSpec {
  /** Without the leading `--`. */
  name: string;
  kind: ValueKind;
  /** Placeholder for the value in the usage text (N, S, F, NAME…); none for switches. */
  value?: string;
  help: string;
  /** Under which heading the usage lists it. */
  section: 'options' | 'knobs' | 'chaos';
  apply(draft: Draft, value: string | number | true): void;
}

interface Draft {
  options: StartSimOptions;
  chaos: Partial<ChaosKnobs>;
}

const set = (key: string) => (d: Draft, v: string | number | true) => {
  (d.options as Record<string, unknown>)[key] = v;
};
const chaos = (key: keyof ChaosKnobs) => (d: Draft, v: string | number | true) => {
  d.chaos[key] = v as number;
};

export const FLAGS: readonly FlagSpec[] = [
  { name: 'scenario', kind: 'text', value: 'NAME', section: 'options', help: `${SCENARIOS.join(' | ')} (default demo)`, apply: set('scenario') },
  { name: 'port', kind: 'count', value: 'N', section: 'options', help: 'TCP port (default 0 = any free port)', apply: set('port') },
  { name: 'host', kind: 'text', value: 'ADDR', section: 'options', help: 'bind address (default 127.0.0.1)', apply: set('host') },
  { name: 'data-dir', kind: 'text', value: 'DIR', section: 'options', help: 'where the kubeconfig and exec scratch dirs go (default: a temp dir removed on exit)', apply: set('dataDir') },
  { name: 'history-size', kind: 'count', value: 'N', section: 'options', help: 'watch events kept per resource type (default 10000)', apply: set('historySize') },
  { name: 'bookmark-interval', kind: 'amount', value: 'S', section: 'options', help: 'seconds between watch BOOKMARKs (default 60)', apply: set('bookmarkIntervalSeconds') },
  { name: 'continue-ttl', kind: 'amount', value: 'S', section: 'options', help: 'continue-token lifetime in seconds (default 300)', apply: set('continueTtlSeconds') },
  { name: 'viewer-namespace', kind: 'text', value: 'NS', section: 'options', help: 'namespace the sim-viewer user may read (default shop)', apply: set('viewerNamespace') },
  { name: 'admin-token', kind: 'text', value: 'T', section: 'options', help: 'fixed bearer token of sim-admin (default random)', apply: (d, v) => (d.options.tokens = { ...d.options.tokens, admin: v as string }) },
  { name: 'viewer-token', kind: 'text', value: 'T', section: 'options', help: 'fixed bearer token of sim-viewer (default random)', apply: (d, v) => (d.options.tokens = { ...d.options.tokens, viewer: v as string }) },
  { name: 'no-controllers', kind: 'switch', section: 'options', help: 'a static cluster: no scheduler, kubelets or workload controllers', apply: (d) => (d.options.controllers = false) },
  { name: 'pods', kind: 'count', value: 'N', section: 'knobs', help: 'pods of the scale scenario, 1..150000 (default 10000)', apply: set('pods') },
  { name: 'speed', kind: 'amount', value: 'X', section: 'knobs', help: 'time scale of everything simulated (10 = ten times faster; default 1)', apply: set('speed') },
  { name: 'service-proxy-upstreams', kind: 'text', value: 'LIST', section: 'knobs', help: 'services/proxy targets: ns/name[:port]=url,... (or JSON)', apply: set('serviceProxyUpstreams') },
  { name: 'events-per-second', kind: 'amount', value: 'N', section: 'knobs', help: 'churn: about N watch events/s in namespace churn (pod heartbeats, short-lived pods, Events)', apply: set('eventsPerSecond') },
  { name: 'latency-ms', kind: 'amount', value: 'N', section: 'chaos', help: 'delay every response', apply: chaos('latencyMs') },
  { name: 'rate-429', kind: 'fraction', value: 'F', section: 'chaos', help: 'fraction of requests answered 429 (Retry-After)', apply: chaos('rate429') },
  { name: 'retry-after', kind: 'amount', value: 'S', section: 'chaos', help: 'Retry-After seconds for injected 429s (default 1)', apply: chaos('retryAfterSeconds') },
  { name: 'rate-5xx', kind: 'fraction', value: 'F', section: 'chaos', help: 'fraction of requests answered 503', apply: chaos('rate5xx') },
  { name: 'drop-watches-every', kind: 'amount', value: 'S', section: 'chaos', help: 'close all watches every S seconds', apply: chaos('dropWatchesEverySeconds') },
  { name: 'compact-every', kind: 'amount', value: 'S', section: 'chaos', help: 'compact watch history every S seconds (resuming from before it: 410 Expired)', apply: chaos('compactEverySeconds') },
  { name: 'stall-watches-every', kind: 'amount', value: 'S', section: 'chaos', help: 'every S seconds the open watches go silent without closing', apply: chaos('stallWatchesEverySeconds') },
  { name: 'malformed-watch-rate', kind: 'fraction', value: 'F', section: 'chaos', help: 'fraction of watch lines sent as broken JSON', apply: chaos('malformedWatchRate') },
  { name: 'truncated-watch-rate', kind: 'fraction', value: 'F', section: 'chaos', help: 'fraction of watch lines cut short (connection closed)', apply: chaos('truncatedWatchRate') },
];

const BY_NAME = new Map(FLAGS.map((f) => [f.name, f]));

function usageLines(section: FlagSpec['section']): string {
  return FLAGS.filter((f) => f.section === section)
    .map((f) => `  ${`--${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(32)} ${f.help}`)
    .join('\n');
}

export const usage = `usage: npm run sim -- [options]
  ${'--help, -h'.padEnd(32)} this text
${usageLines('options')}
scenario and controller knobs:
${usageLines('knobs')}
chaos:
${usageLines('chaos')}
A value may also be joined with "=", e.g. --pods=5000.`;

function convert(flag: FlagSpec, raw: string): string | number {
  if (flag.kind === 'text') return raw;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`--${flag.name} needs a number, got "${raw}"`);
  if (flag.kind === 'count' && (!Number.isInteger(n) || n < 0)) throw new Error(`--${flag.name} needs a whole number ≥ 0, got "${raw}"`);
  if (flag.kind === 'amount' && n < 0) throw new Error(`--${flag.name} needs a number ≥ 0, got "${raw}"`);
  if (flag.kind === 'fraction' && (n < 0 || n > 1)) throw new Error(`--${flag.name} needs a fraction from 0 to 1, got "${raw}"`);
  return n;
}

export function parseCliArgs(argv: string[]): { options: StartSimOptions; help: boolean } {
  const draft: Draft = { options: {}, chaos: {} };
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const flag = BY_NAME.get(name);
    if (!flag) throw new Error(`unknown flag "--${name}"`);
    if (flag.kind === 'switch') {
      if (eq > 0) throw new Error(`--${name} takes no value`);
      flag.apply(draft, true);
      continue;
    }
    let raw: string;
    if (eq > 0) raw = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) raw = argv[++i];
    else throw new Error(`--${name} needs a value`);
    flag.apply(draft, convert(flag, raw));
  }
  if (Object.keys(draft.chaos).length) draft.options.chaos = draft.chaos;
  return { options: draft.options, help };
}
