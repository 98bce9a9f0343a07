/**
 * The layering of docs/architecture.md §7 as the compiler enforces it, proven to bite: each
 * layer's tsconfig lets it see only its platform's globals and import only the projects it
 * references, and the root tsconfig.json makes `tsc -b` check every file in exactly one layer.
 *
 * The probes are type-checked with a layer's real compiler options, through the TypeScript API.
 * They live in memory only, under the layer's folder: a probe file on disk would break every
 * other `tsc -b` running meanwhile.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function parseConfig(configPath: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, configPath), {}, host);
  if (!parsed) throw new Error(`cannot read ${configPath}`);
  return parsed;
}

// Lib files are the slow part of a program; every probe program shares one parse of each.
const sourceCache = new Map<string, ts.SourceFile | undefined>();

/**
 * Type-checks one line per global (`export const g0 = () => window;` …) in a probe file under
 * `probeDir`, with the options of `configPath` and its ambient declarations, and returns the
 * globals the compiler does not know, in the order given.
 */
function unknownGlobals(configPath: string, probeDir: string, names: string[]): string[] {
  const config = parseConfig(configPath);
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    composite: false,
    declaration: false,
    emitDeclarationOnly: false,
    declarationDir: undefined,
    incremental: false,
    tsBuildInfoFile: undefined,
  };
  const probePath = path.join(ROOT, probeDir, '__layering_probe__.ts').split(path.sep).join('/');
  const probeText = names.map((name, i) => `export const g${i} = () => ${name};`).join('\n');
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    if (fileName === probePath) return ts.createSourceFile(fileName, probeText, languageVersion);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sourceCache.has(key)) sourceCache.set(key, readSource(fileName, languageVersion, onError, shouldCreate));
    return sourceCache.get(key);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => fileName === probePath || fileExists(fileName);

  const ambient = config.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram({ rootNames: [probePath, ...ambient], options, host });
  const probe = program.getSourceFile(probePath);
  if (!probe) throw new Error('probe not in program');
  const unknown = new Set<string>();
  for (const d of ts.getPreEmitDiagnostics(program, probe)) {
    if (d.start === undefined || d.length === undefined) throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    unknown.add(probe.text.slice(d.start, d.start + d.length));
  }
  return names.filter((n) => unknown.has(n));
}

interface LayerCase {
  config: string;
  probeDir: string;
  flagged: string[];
  allowed: string[];
}

const cases: Record<string, LayerCase> = {
  // Only ES and the common globals of app/commonGlobals.d.ts: timers and encoders are passed in.
  'app/ sees neither DOM nor Node': {
    config: 'app/tsconfig.json',
    probeDir: 'app/kinds',
    flagged: ['window', 'document', 'Buffer', 'process', 'require', 'setTimeout', 'console', 'TextEncoder', 'structuredClone'],
    allowed: ['AbortController', 'queueMicrotask', 'Intl', 'Promise', 'globalThis'],
  },
  'tests of app/ may use Node, still no DOM': {
    config: 'app/tsconfig.test.json',
    probeDir: 'app/kinds',
    flagged: ['window', 'document'],
    allowed: ['Buffer', 'process', 'setTimeout', 'console'],
  },
  'renderer/ sees the DOM, not Node': {
    config: 'renderer/tsconfig.json',
    probeDir: 'renderer/components',
    flagged: ['Buffer', 'process', 'require', '__dirname'],
    allowed: ['window', 'document', 'setTimeout', 'TextEncoder', 'structuredClone', 'AbortController'],
  },
  'tests of renderer/ may use Node too': {
    config: 'renderer/tsconfig.test.json',
    probeDir: 'renderer/components',
    flagged: [],
    allowed: ['window', 'document', 'Buffer', 'process'],
  },
  'main/, scripts/ and the root configs see Node, not the DOM': {
    config: 'tsconfig.node.json',
    probeDir: 'main/core',
    flagged: ['window', 'document', 'localStorage'],
    allowed: ['process', 'Buffer', 'setTimeout', 'require', 'AbortController'],
  },
  'sim/ sees Node, not the DOM': {
    config: 'sim/tsconfig.json',
    probeDir: 'sim/api',
    flagged: ['window', 'document'],
    allowed: ['process', 'Buffer', 'setTimeout'],
  },
  // Their page.evaluate callbacks run in the page.
  'e2e/ sees Node and the DOM': {
    config: 'e2e/tsconfig.json',
    probeDir: 'e2e/support',
    flagged: [],
    allowed: ['process', 'Buffer', 'window', 'document'],
  },
  'bench/ sees Node and the DOM': {
    config: 'bench/tsconfig.json',
    probeDir: 'bench',
    flagged: [],
    allowed: ['process', 'window'],
  },
};

describe('compiler layering', () => {
  it.each(Object.entries(cases))('%s', (_name, c) => {
    const flagged = unknownGlobals(c.config, c.probeDir, [...c.flagged, ...c.allowed]);
    expect({ flagged, allowed: [...c.flagged, ...c.allowed].filter((n) => !flagged.includes(n)) }).toEqual({ flagged: c.flagged, allowed: c.allowed });
  });

  // Who may import whom: a project sees only the projects it references (TS6307 otherwise).
  const references: Record<string, string[]> = {
    'app/tsconfig.json': [],
    'app/tsconfig.test.json': ['app/tsconfig.json'],
    'renderer/tsconfig.json': ['app/tsconfig.json'],
    'renderer/tsconfig.test.json': ['renderer/tsconfig.json', 'app/tsconfig.json'],
    'sim/tsconfig.json': [],
    'tsconfig.node.json': ['app/tsconfig.json', 'sim/tsconfig.json'],
    'e2e/tsconfig.json': ['app/tsconfig.json', 'sim/tsconfig.json'],
    'bench/tsconfig.json': ['app/tsconfig.json', 'sim/tsconfig.json'],
  };
  const referencedBy = (config: ts.ParsedCommandLine) => (config.projectReferences ?? []).map((r) => rel(ts.resolveProjectReferencePath(r)));

  it('type-checks every layer from the root tsconfig.json, each importing only the layers it references', () => {
    const layers = referencedBy(parseConfig('tsconfig.json'));
    expect(layers.sort()).toEqual(Object.keys(references).sort());
    expect(Object.fromEntries(layers.map((l) => [l, referencedBy(parseConfig(l))]))).toEqual(references);
  });

  it('puts every TypeScript file of the repository in exactly one layer', () => {
    const owners = new Map<string, string[]>();
    for (const layer of Object.keys(references)) {
      for (const file of parseConfig(layer).fileNames) owners.set(rel(file), [...(owners.get(rel(file)) ?? []), layer]);
    }
    const skip = new Set(['node_modules', 'dist', 'test-results', 'playwright-report', '.git', '.sim']);
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !skip.has(entry.name)) walk(path.join(dir, entry.name));
        else if (entry.isFile() && /\.tsx?$/.test(entry.name)) sources.push(rel(path.join(dir, entry.name)));
      }
    };
    walk(ROOT);
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.filter((f) => owners.get(f)?.length !== 1).map((f) => `${f}: ${owners.get(f)?.join(', ') ?? 'no layer'}`)).toEqual([]);
  });
});
