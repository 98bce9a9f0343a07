import type { SimContext } from '../types';

export async function loadScale(_ctx: SimContext, _options: Record<string, unknown>): Promise<void> {
  throw new Error('not yet');
}
