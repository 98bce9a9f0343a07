/**
 * The i18n check of `npm test` (issue 4). Fails (exit 1, listing file:line) on:
 *  - a hard-coded user-visible string in a renderer .tsx file: a JSX text node containing a
 *    letter, or a string literal in a user-facing prop (title, placeholder, aria-label, alt,
 *    label, aria-description);
 *  - a message key used in code (`t('x.y')`, `i18n.t('x.y')`, `i18nKey="x.y"`) missing from a catalog;
 *  - a key present in one catalog but not the other (plural suffixes _one/_other... are folded,
 *    since languages have different plural categories), or a plural key missing a category its
 *    language needs (per CLDR, via Intl.PluralRules);
 *  - a kind or column titleKey of the kinds registry missing from a catalog (when given).
 * A line (or the line above it) containing `i18n-ignore` is exempt, for the rare literal that is
 * not language (e.g. a language's own name).
 *
 * Written against the TypeScript compiler API (not regexes) so JSX text, attributes and calls are
 * found exactly as the compiler sees them.
 */
import ts from 'typescript';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SourceFile {
  path: string;
  text: string;
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface CheckInput {
  sources: SourceFile[];
  /** Catalogs by language tag (nested JSON as i18next reads it). */
  catalogs: Record<string, unknown>;
  /** Keys referenced outside the scanned code (e.g. the kinds registry's titleKeys). */
  externalKeys?: Array<{ key: string; origin: string }>;
}

const USER_FACING_PROPS = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label', 'aria-description', 'aria-roledescription']);
const HAS_LETTER = /\p{L}/u;

/** Flattens nested catalogs to dotted keys. */
export function flattenCatalog(catalog: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (catalog && typeof catalog === 'object') {
    for (const [k, v] of Object.entries(catalog as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') out.set(key, v);
      else flattenCatalog(v, key, out);
    }
  }
  return out;
}

/** `pods_other` → `pods`; other keys unchanged. */
export function baseKey(key: string): string {
  const m = /^(.*)_(zero|one|two|few|many|other)$/.exec(key);
  return m ? m[1] : key;
}

interface Usage {
  key: string;
  /** A template literal's static prefix: any catalog key starting with it will do. */
  prefixOnly: boolean;
  file: string;
  line: number;
}

function isIgnored(sf: ts.SourceFile, pos: number): boolean {
  const { line } = sf.getLineAndCharacterOfPosition(pos);
  const lines = sf.text.split('\n');
  return [lines[line], lines[line - 1]].some((l) => l !== undefined && l.includes('i18n-ignore'));
}

function literalText(expr: ts.Expression | undefined): string | undefined {
  if (!expr) return undefined;
  if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) return expr.text;
  if (ts.isTemplateExpression(expr)) return expr.head.text + expr.templateSpans.map((s) => s.literal.text).join('');
  if (ts.isParenthesizedExpression(expr)) return literalText(expr.expression);
  if (ts.isConditionalExpression(expr)) {
    const a = literalText(expr.whenTrue);
    const b = literalText(expr.whenFalse);
    return [a, b].filter((x) => x !== undefined && HAS_LETTER.test(x))[0];
  }
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.BarBarToken) return literalText(expr.right);
  if (ts.isBinaryExpression(expr) && expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) return literalText(expr.right);
  return undefined;
}

function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text === 't';
  return false;
}

export function scanSource(source: SourceFile): { problems: Problem[]; usages: Usage[] } {
  const isTsx = source.path.endsWith('.tsx');
  const sf = ts.createSourceFile(source.path, source.text, ts.ScriptTarget.Latest, true, isTsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const problems: Problem[] = [];
  const usages: Usage[] = [];
  const lineOf = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const report = (node: ts.Node, message: string) => {
    if (!isIgnored(sf, node.getStart(sf))) problems.push({ file: source.path, line: lineOf(node), message });
  };

  const visit = (node: ts.Node) => {
    if (isTsx && ts.isJsxText(node)) {
      const text = node.text.trim();
      if (text && HAS_LETTER.test(text)) report(node, `hard-coded JSX text ${JSON.stringify(text.slice(0, 60))}`);
    }
    if (isTsx && ts.isJsxAttribute(node)) {
      const name = node.name.getText(sf);
      const init = node.initializer;
      if (USER_FACING_PROPS.has(name) && init) {
        const text = ts.isStringLiteral(init) ? init.text : ts.isJsxExpression(init) ? literalText(init.expression) : undefined;
        if (text !== undefined && HAS_LETTER.test(text)) report(node, `hard-coded ${name}=${JSON.stringify(text.slice(0, 60))}`);
      }
      if (name === 'i18nKey' && init && ts.isStringLiteral(init)) {
        usages.push({ key: init.text, prefixOnly: false, file: source.path, line: lineOf(node) });
      }
    }
    if (isTsx && ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = literalText(node.expression);
      if (text !== undefined && HAS_LETTER.test(text)) report(node, `hard-coded JSX text ${JSON.stringify(text.slice(0, 60))}`);
    }
    if (ts.isCallExpression(node) && isTranslateCall(node) && node.arguments.length > 0) {
      const arg = node.arguments[0];
      if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) {
        usages.push({ key: arg.text, prefixOnly: false, file: source.path, line: lineOf(node) });
      } else if (ts.isTemplateExpression(arg) && arg.head.text.includes('.')) {
        usages.push({ key: arg.head.text, prefixOnly: true, file: source.path, line: lineOf(node) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { problems, usages };
}

function pluralCategories(lang: string): string[] {
  return new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
}

export function checkI18n(input: CheckInput): Problem[] {
  const problems: Problem[] = [];
  const flat = Object.fromEntries(Object.entries(input.catalogs).map(([lang, c]) => [lang, flattenCatalog(c)]));
  const bases = Object.fromEntries(Object.entries(flat).map(([lang, m]) => [lang, new Set([...m.keys()].map(baseKey))]));
  const langs = Object.keys(flat);

  const usages: Usage[] = [];
  for (const source of input.sources) {
    const r = scanSource(source);
    problems.push(...r.problems);
    usages.push(...r.usages);
  }
  for (const ext of input.externalKeys ?? []) usages.push({ key: ext.key, prefixOnly: false, file: ext.origin, line: 0 });

  for (const u of usages) {
    for (const lang of langs) {
      const ok = u.prefixOnly ? [...bases[lang]].some((k) => k.startsWith(u.key)) : bases[lang].has(u.key);
      if (!ok) {
        problems.push({ file: u.file, line: u.line, message: `key ${JSON.stringify(u.key)}${u.prefixOnly ? ' (prefix)' : ''} missing from ${lang} catalog` });
      }
    }
  }

  for (const lang of langs) {
    for (const other of langs) {
      if (other === lang) continue;
      for (const key of bases[lang]) {
        if (!bases[other].has(key)) problems.push({ file: `${other} catalog`, line: 0, message: `key ${JSON.stringify(key)} is in ${lang} but missing from ${other}` });
      }
    }
    // Plural keys need every category the language's CLDR rules use.
    const needed = pluralCategories(lang);
    const pluralBases = new Set([...flat[lang].keys()].filter((k) => baseKey(k) !== k).map(baseKey));
    for (const base of pluralBases) {
      for (const cat of needed) {
        if (!flat[lang].has(`${base}_${cat}`)) problems.push({ file: `${lang} catalog`, line: 0, message: `plural key ${JSON.stringify(base)} lacks the "${cat}" form ${lang} needs` });
      }
    }
  }
  return problems;
}

function listSources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listSources(full));
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

async function registryKeys(): Promise<Array<{ key: string; origin: string }>> {
  try {
    const kinds = (await import('../app/kinds/registry')) as unknown as {
      KINDS?: Array<{ id: string; titleKey?: string; columns?: Array<{ id: string; titleKey?: string }> }>;
    };
    const out: Array<{ key: string; origin: string }> = [];
    for (const kind of kinds.KINDS ?? []) {
      if (kind.titleKey) out.push({ key: kind.titleKey, origin: `app/kinds (${kind.id})` });
      for (const col of kind.columns ?? []) if (col.titleKey) out.push({ key: col.titleKey, origin: `app/kinds (${kind.id}.${col.id})` });
    }
    return out;
  } catch {
    return []; // The registry has not landed yet; nothing to check.
  }
}

async function main(): Promise<void> {
  const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
  const rendererDir = join(root, 'renderer');
  const sources = listSources(rendererDir).map((p) => ({ path: relative(root, p), text: readFileSync(p, 'utf8') }));
  const catalogs = {
    en: JSON.parse(readFileSync(join(rendererDir, 'i18n/locales/en.json'), 'utf8')),
    'zh-CN': JSON.parse(readFileSync(join(rendererDir, 'i18n/locales/zh-CN.json'), 'utf8')),
  };
  const problems = checkI18n({ sources, catalogs, externalKeys: await registryKeys() });
  for (const p of problems) console.error(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  if (problems.length) {
    console.error(`\ni18n check: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`i18n check: ${sources.length} files, ${Object.keys(catalogs).length} catalogs, ok`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
