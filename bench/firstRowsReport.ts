/**
 * The first-rows step's results: medians and ratios to kubectl, printed and written to
 * bench/results/first-rows-<pods>.{md,json} (the latest run of each size; the folder is
 * gitignored, since times belong to one machine on one afternoon).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { RESULTS_DIR, ROOT, mib, median, seconds } from './common';

export interface FirstRowsSample {
  run: number;
  /** cold: a fresh web-mode server; warm: a second page on the same server (core cache full). */
  mode: 'cold' | 'warm';
  /** Pods the simulator held: the count a complete list shows. */
  pods: number;
  /** Navigation start → first pod row on screen, ms. */
  firstRowMs: number;
  firstRowName?: string;
  /** Navigation start → the first non-zero count (a partial one if the list arrives in pages). */
  firstCountMs?: number;
  firstCountValue?: number;
  /** Navigation start → the count equals `pods` (perhaps still marked loading). */
  countReachedMs?: number;
  /** Navigation start → the count equals `pods` and is final. */
  fullMs: number;
  /** kubectl get pods -A -o json just before this run. */
  kubectlMs: number;
  coreRssBytes: number;
  pageHeapBytes: number;
  /** How many distinct count labels the page showed, and the first and last few with their times. */
  countLabels: number;
  countTimeline: Array<{ t: number; label: string }>;
  loadAverage: [number, number, number];
}

export interface FirstRowsResults {
  pods: number;
  runs: number;
  warm: boolean;
  chromiumVersion: string;
  loadStart: [number, number, number];
  loadEnd: [number, number, number];
  kubectlBytes: number;
  samples: FirstRowsSample[];
}

interface Summary {
  firstRowMs: number;
  fullMs: number;
  kubectlMs: number;
  /** Ratios of the medians. */
  firstRowVsKubectl: number;
  fullVsKubectl: number;
}

function summarize(samples: FirstRowsSample[]): Summary | undefined {
  if (!samples.length) return undefined;
  const firstRowMs = median(samples.map((s) => s.firstRowMs));
  const fullMs = median(samples.map((s) => s.fullMs));
  const kubectlMs = median(samples.map((s) => s.kubectlMs));
  return { firstRowMs, fullMs, kubectlMs, firstRowVsKubectl: firstRowMs / kubectlMs, fullVsKubectl: fullMs / kubectlMs };
}

/**
 * The commit measured, and whether the files that make up the app had uncommitted changes.
 * BENCH_COMMIT names it when the tree is not a checkout (e.g. a `git archive` export).
 */
function revision(): { commit: string; dirty: boolean } {
  if (process.env.BENCH_COMMIT) return { commit: process.env.BENCH_COMMIT, dirty: false };
  const git = (args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8', timeout: 10_000 }).stdout?.trim() ?? '';
  return { commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown', dirty: git(['status', '--porcelain', '--', 'app', 'main', 'renderer']) !== '' };
}

const ratio = (r: number) => `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
const load = (l: [number, number, number]) => l.map((x) => x.toFixed(1)).join(' / ');

function headline(mode: string, s: Summary): string {
  return `${mode}: first rows = ${seconds(s.firstRowMs)} = ${ratio(s.firstRowVsKubectl)} kubectl; full count = ${seconds(s.fullMs)} = ${ratio(s.fullVsKubectl)} kubectl (kubectl ${seconds(s.kubectlMs)})`;
}

export function writeFirstRowsResults(r: FirstRowsResults): { summary: string; files: string[] } {
  const rev = revision();
  const cold = summarize(r.samples.filter((s) => s.mode === 'cold'));
  const warm = summarize(r.samples.filter((s) => s.mode === 'warm'));
  const n = r.samples.filter((s) => s.mode === 'cold').length;
  const when = new Date().toISOString();
  const context = `${r.pods.toLocaleString('en-US')} pods, median of ${n} run${n === 1 ? '' : 's'}; kubectl output ${mib(r.kubectlBytes)}; commit ${rev.commit}${rev.dirty ? ' + uncommitted changes in app/main/renderer' : ''}; ${cpus().length} cores, load average ${load(r.loadStart)} at start, ${load(r.loadEnd)} at end (1/5/15 min); Chromium ${r.chromiumVersion}`;
  const lines = [cold && headline('cold', cold), warm && headline('warm', warm), context].filter(Boolean) as string[];
  const summary = lines.join('\n');

  const md = [
    `# First pod rows on screen: web mode in Chromium, Pods in all namespaces`,
    '',
    `${when}. ${context}.`,
    '',
    'Times from navigation start. *cold*: a fresh web-mode server (empty informer cache); *warm*: a second page on the same server',
    'right after. Ratios are of the medians, against `kubectl get pods -A -o json` run just before each run on the same simulator.',
    '',
    ...lines.slice(0, -1).map((l) => `- ${l}`),
    '',
    '| run | mode | first rows | full count | first count (value) | kubectl | first rows × kubectl | full × kubectl | core RSS | page heap | load (1 min) |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.samples.map(
      (s) =>
        `| ${s.run} | ${s.mode} | ${seconds(s.firstRowMs)} | ${seconds(s.fullMs)} | ${s.firstCountMs !== undefined ? `${seconds(s.firstCountMs)} (${s.firstCountValue})` : '–'} | ${seconds(s.kubectlMs)} | ` +
        `${ratio(s.firstRowMs / s.kubectlMs)} | ${ratio(s.fullMs / s.kubectlMs)} | ${mib(s.coreRssBytes)} | ${mib(s.pageHeapBytes)} | ${s.loadAverage[0].toFixed(1)} |`,
    ),
    '',
    `The count as the page showed it (cold run 1, ${(r.samples[0]?.countLabels ?? 0) > (r.samples[0]?.countTimeline.length ?? 0) ? 'the first and last 6' : 'all'} of ${r.samples[0]?.countLabels ?? 0} labels):`,
    '',
    ...(r.samples[0]?.countTimeline ?? []).map((c) => `- ${seconds(c.t)}: "${c.label}"`),
    '',
  ].join('\n');

  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `first-rows-${r.pods}`);
  writeFileSync(`${base}.md`, md);
  writeFileSync(`${base}.json`, `${JSON.stringify({ step: 'first-rows', date: when, ...rev, cores: cpus().length, ...r, medians: { cold, warm } }, null, 2)}\n`);
  return { summary, files: [`${base}.md`, `${base}.json`] };
}
