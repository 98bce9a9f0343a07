/**
 * Child process for the benchmark: runs the simulator's `scale` scenario so that its CPU and
 * memory are measured apart from the clients. Talks to the parent over the IPC channel.
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
  startMs: Date.now() - started,
  startCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  rss: process.memoryUsage().rss,
});
process.on('message', async (m: { type: string }) => {
  if (m.type === 'rss') process.send?.({ type: 'rss', rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed });
  if (m.type === 'stop') {
    await sim.stop();
    process.exit(0);
  }
});
