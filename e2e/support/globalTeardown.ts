/** Stops exactly the processes globalSetup started (web servers first, then the simulator). */
import { rmSync } from 'node:fs';
import { stopPid } from './processes';
import { STACK_ENV, type E2EStack } from './stack';

export default async function globalTeardown(): Promise<void> {
  const raw = process.env[STACK_ENV];
  if (!raw) return;
  const stack = JSON.parse(raw) as E2EStack;
  const [simPid, ...webPids] = stack.pids;
  await Promise.all(webPids.map((pid) => stopPid(pid)));
  if (simPid) await stopPid(simPid);
  for (const dir of [stack.web.dataDir, stack.webI18n.dataDir]) rmSync(dir, { recursive: true, force: true });
}
