/**
 * The layering rules in eslint.config.js, proven to bite: each case lints a few imports as if
 * they were written in a file of that layer, through ESLint's real API and our real config.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restricted(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const imports = (...specifiers: string[]) => specifiers.map((s, i) => `import * as m${i} from '${s}';\nexport { m${i} };`).join('\n');

describe('layering', () => {
  it('keeps app/ pure: no Node, no frameworks, nothing else of ours', async () => {
    const found = await restricted('app/kinds/x.ts', imports('node:fs', 'path', 'react', 'electron', '../../main/core/index', '../../renderer/App', '../../sim/index', './registry'));
    expect(found).toHaveLength(7);
  });

  it('lets only main/electron/ import electron, and nothing reach sim/ internals', async () => {
    expect(await restricted('main/core/x.ts', imports('electron', '../../sim/store/store', '../../renderer/App', '../../sim/index', 'node:fs'))).toHaveLength(3);
    expect(await restricted('main/electron/x.ts', imports('electron', '../../sim/store/store', '../../sim/index'))).toHaveLength(1);
  });

  it('keeps the renderer off Node, Electron and main/', async () => {
    const found = await restricted('renderer/components/x.tsx', imports('node:fs', 'fs', 'electron', '../../main/core/index', '../../sim/index', '../../app/contract/client'));
    expect(found).toHaveLength(5);
  });

  it('lets e2e and bench start the simulator through sim/index only', async () => {
    expect(await restricted('e2e/support/x.ts', imports('../../sim/index', '../../sim/server/http'))).toHaveLength(1);
    expect(await restricted('bench/x.ts', imports('../sim/index', '../sim/store/store'))).toHaveLength(1);
  });
});
