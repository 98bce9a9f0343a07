/**
 * Test helpers for the core: a contract client wired to a core's handlers the way the renderer
 * is (in-memory ports that round-trip every message through JSON), and a poll-until for events
 * that arrive over real sockets.
 */
import { createContractClient, type ContractClient } from '../../../app/contract/client';
import type { HandlersFor } from '../../../app/contract/descriptor';
import { createMemoryPorts } from '../../../app/contract/memoryPorts';
import { contract, type PilothouseContract } from '../../../app/contract/pilothouse';
import { serveContract } from '../../../app/contract/serve';

export function clientFor(handlers: HandlersFor<PilothouseContract>): ContractClient {
  const ports = createMemoryPorts();
  serveContract(contract, handlers, ports.server);
  return createContractClient(ports.client);
}

/** Polls `cond` every 10 ms until it holds; throws after `ms`. */
export async function until(cond: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
