/**
 * `npm run sim -- --scenario demo [--port N] [--pods N] [--latency-ms N] ...`
 * Starts the simulator, prints the kubeconfig path, runs until SIGINT/SIGTERM.
 */
import { startSim } from './index';
import { parseCliArgs, usage } from './cliArgs';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`error: ${(err as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (parsed.help) {
    console.log(usage);
    return;
  }
  const started = Date.now();
  const sim = await startSim(parsed.options);
  console.log(`Kubernetes API simulator (scenario "${parsed.options.scenario ?? 'demo'}") listening on ${sim.url} (ready in ${Date.now() - started} ms)`);
  console.log(`kubeconfig: ${sim.kubeconfigPath}`);
  console.log(`try: kubectl --kubeconfig ${sim.kubeconfigPath} get pods -A`);
  console.log(`     (context sim-viewer is read-only in namespace "${parsed.options.viewerNamespace ?? 'shop'}")`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping`);
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
