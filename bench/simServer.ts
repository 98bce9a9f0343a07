/**
 * Child process for the benchmark: runs the simulator's `scale` scenario so that its CPU and
 * memory are measured apart from the clients. Talks to the parent over the IPC channel
 * (see simChild.ts for the messages); exits when the parent goes away, so it never outlives it.
 */
import { startSim } from '../sim/index';

const pods = Number(process.env.BENCH_PODS ?? 50_000);
const started = Date.now();
const cpu0 = process.cpuUsage();
const sim = await startSim({ scenario: 'scale', pods });
const cpu = process.cpuUsage(cpu0);
process.send?.({
  type: 'ready',
  url: sim.url,
  caPem: sim.caPem,
  token: sim.tokens.admin,
  kubeconfigPath: sim.kubeconfigPath,
  pods: sim.ctx.store.count('pods'),
  startMs: Date.now() - started,
  startCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  rss: process.memoryUsage().rss,
});

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await sim.stop();
  process.exit(0);
};
process.on('message', (m: { type: string }) => {
  if (m.type === 'rss') process.send?.({ type: 'rss', rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  // How many pods the store holds right now: what a finished list must count.
  if (m.type === 'count') process.send?.({ type: 'count', pods: sim.ctx.store.count('pods') });
  if (m.type === 'stop') void stop();
});
// The parent died or closed the channel: do not linger as an orphan holding ~1 GiB.
process.on('disconnect', () => void stop());
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
