/**
 * `npm run bench`: steps against ONE simulator process running the `scale` scenario:
 *  - `list`: the pod list from Node (paginated, unpaginated), kubectl and raw JSON.parse (listStep.ts);
 *  - `first-rows`: web mode in Chromium, time to the first pod rows on screen and to the full
 *    count, against kubectl (firstRows.ts); writes bench/results/first-rows-<pods>.{md,json}.
 * Env: BENCH_STEPS (comma-separated, default all, in the order above), BENCH_PODS (default
 * 50000), BENCH_RUNS (default 1), BENCH_WARM=0 (first-rows: cold pages only),
 * BENCH_PAGE_TIMEOUT_S (first-rows: per page).
 * Wall-clock times: the load average is printed too, since a busy machine stretches all of them.
 * Every process started here is stopped at the end, on failure and on Ctrl-C (processes.ts).
 */
import { machine, mib, type BenchContext } from './common';
import { firstRowsStep } from './firstRows';
import { listStep } from './listStep';
import { installCleanup } from './processes';
import { SimChild } from './simChild';

const STEPS: Record<string, (ctx: BenchContext) => Promise<void>> = { list: listStep, 'first-rows': firstRowsStep };

const PODS = Number(process.env.BENCH_PODS ?? 50_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const chosen = (process.env.BENCH_STEPS ?? Object.keys(STEPS).join(','))
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);

async function main(): Promise<void> {
  const unknown = chosen.filter((s) => !(s in STEPS));
  if (unknown.length || !chosen.length) throw new Error(`BENCH_STEPS: unknown step(s) "${unknown.join(', ')}"; choose from ${Object.keys(STEPS).join(', ')}`);
  if (!(PODS >= 1 && RUNS >= 1)) throw new Error('BENCH_PODS and BENCH_RUNS must be positive numbers');
  installCleanup();

  console.log(`starting the simulator (scale scenario, ${PODS} pods)…  machine: ${machine()}`);
  const sim = await SimChild.start(PODS);
  try {
    const { info } = sim;
    console.log(`simulator: ${info.pods} pods, started in ${(info.startMs / 1000).toFixed(1)} s (${(info.startCpuMs / 1000).toFixed(1)} s CPU), RSS ${mib(info.rss)} after load`);
    for (const step of Object.keys(STEPS).filter((s) => chosen.includes(s))) {
      console.log(`\n== ${step} (${RUNS} run${RUNS === 1 ? '' : 's'}) — ${machine()}`);
      await STEPS[step]({ sim, runs: RUNS });
    }
    console.log(`\nmachine: ${machine()}`);
  } finally {
    await sim.stop();
  }
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
