/**
 * The repository is self-contained: no code or test reads from outside it (see
 * outsideReferences.ts). Test data lives under app/testdata/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outsideReferences } from './outsideReferences';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SKIP = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', '.sim', '.git']);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(tsx?|mjs|cjs|js)$/.test(e.name) ? [p] : [];
  });
}

describe('self-contained repository', () => {
  it('finds imports and existing paths outside the repository, and nothing else', () => {
    const root = '/repo';
    const file = '/repo/app/kinds/x.test.ts';
    const text = [
      "import a from '../../../shared/manifests/a.yaml?raw';",
      "import b from '../testdata/b.yaml?raw';",
      "const c = await import('../../../elsewhere/c');",
      "const d = resolve(here, '../../../shared/manifests');",
      "const hostile = '../../../etc/nowhere';",
      "const sample = \"import x from '../../../shared/x'\";",
    ].join('\n');
    const exists = (p: string) => p.startsWith('/shared/');
    expect(outsideReferences(root, file, text, exists).map((r) => `${r.line} ${r.text}`)).toEqual([
      '1 ../../../shared/manifests/a.yaml?raw',
      '3 ../../../elsewhere/c',
      '4 ../../../shared/manifests',
    ]);
  });

  it('has no code that reads from outside the repository', () => {
    const found = sources(ROOT).flatMap((f) => outsideReferences(ROOT, f, readFileSync(f, 'utf8'), existsSync));
    expect(found.map((r) => `${r.file}:${r.line} ${r.text}`)).toEqual([]);
  });
});
