/**
 * The layering rules in eslint.config.js, proven to bite: each case lints a few imports as if
 * they were written in a file of that layer, through ESLint's real API and our real config,
 * and names which imports must be refused and which must pass. (What each layer's code may
 * *see* without importing, such as `window` or `Buffer`, is compilerLayering.test.ts.)
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

interface Verdicts {
  flagged: string[];
  allowed: string[];
}

/** Lints one import per line in a file at `filePath` and sorts the specifiers by verdict. */
async function verdicts(filePath: string, specifiers: string[]): Promise<Verdicts> {
  const source = specifiers.map((s, i) => `import * as m${i} from '${s}'; export { m${i} };`).join('\n');
  const [result] = await eslint.lintText(source, { filePath });
  const unexpected = result.messages.filter((m) => m.ruleId !== 'no-restricted-imports');
  if (unexpected.length > 0) throw new Error(`unexpected lint messages: ${JSON.stringify(unexpected)}`);
  const flaggedLines = new Set(result.messages.map((m) => m.line));
  return {
    flagged: specifiers.filter((_, i) => flaggedLines.has(i + 1)),
    allowed: specifiers.filter((_, i) => !flaggedLines.has(i + 1)),
  };
}

async function expectVerdicts(filePath: string, expected: Verdicts): Promise<void> {
  expect(await verdicts(filePath, [...expected.flagged, ...expected.allowed])).toEqual(expected);
}

describe('layering', () => {
  it('keeps app/ pure: no Node, no frameworks, nothing else of ours', async () => {
    await expectVerdicts('app/kinds/x.ts', {
      flagged: ['node:fs', 'path', 'react', 'react-dom/client', '@tanstack/react-query', 'electron', '../../main/core/index', '../../renderer/App', '../../sim/index'],
      allowed: ['./registry', '../contract/errors', 'yaml'],
    });
  });

  it('lets tests of app/ read fixtures from disk, still importing nothing else of ours', async () => {
    await expectVerdicts('app/kinds/x.test.ts', {
      flagged: ['../../main/core/index', '../../renderer/App', '../../sim/index'],
      allowed: ['node:fs', 'node:path', 'vitest', './registry'],
    });
  });

  it('lets only main/electron/ import electron, and nothing in main/ reach sim/ internals or the renderer', async () => {
    await expectVerdicts('main/core/x.ts', {
      flagged: ['electron', '../../sim/store/store', '../../renderer/App'],
      allowed: ['../../sim/index', 'node:fs', '../../app/contract/errors'],
    });
    await expectVerdicts('main/electron/x.ts', {
      flagged: ['../../sim/store/store', '../../renderer/App'],
      allowed: ['electron', '../../sim/index', 'node:path'],
    });
  });

  it('keeps the renderer off Node, Electron, main/ and sim/', async () => {
    await expectVerdicts('renderer/components/x.tsx', {
      flagged: ['node:fs', 'fs', 'electron', '../../main/core/index', '../../sim/index'],
      allowed: ['../../app/contract/client', 'react', '@tanstack/react-query'],
    });
  });

  it('keeps sim/ a program of its own: nothing of ours outside sim/, no Electron', async () => {
    await expectVerdicts('sim/api/x.ts', {
      flagged: ['../../main/core/index', '../../renderer/App', '../../e2e/support/stack', '../../bench/run', '../../app/kinds/registry', 'electron'],
      allowed: ['../store/store', '../types', 'node:http', 'yaml', '@kubernetes/client-node'],
    });
  });

  it('lets e2e, bench and scripts start the simulator through sim/index only', async () => {
    await expectVerdicts('e2e/support/x.ts', { flagged: ['../../sim/server/http', 'electron'], allowed: ['../../sim/index', 'node:child_process'] });
    await expectVerdicts('bench/x.ts', { flagged: ['../sim/store/store'], allowed: ['../sim/index'] });
    await expectVerdicts('scripts/x.ts', { flagged: ['../sim/store/store'], allowed: ['../sim/index', '../app/kinds/registry'] });
  });
});
