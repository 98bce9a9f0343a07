/**
 * Finds code that reaches outside the repository, so tests never depend on folders that only
 * some machines have (such as the shared manifests once read from `../shared/`):
 *  - an import (static, dynamic, `require`, including Vite's `?raw`) whose relative specifier
 *    resolves outside the repository, wherever it points;
 *  - any other relative path literal (e.g. given to `path.resolve`) that resolves to a file or
 *    folder that exists outside the repository. Existence keeps out strings that only look like
 *    paths, such as `'../..'` sent as hostile input or import lines in ESLint samples.
 *
 * Read with the TypeScript parser, so text inside a string is never taken for an import.
 */
import ts from 'typescript';
import { dirname, relative, resolve, sep } from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
}

function isInside(root: string, target: string): boolean {
  return target === root || target.startsWith(root + sep);
}

/** A literal naming a module: `import … from`, `export … from`, `import(…)`, `require(…)`. */
function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) return true;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) {
    return parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require');
  }
  return false;
}

/** `file` is absolute; `exists` is injectable so tests need no real folder beside the repository. */
export function outsideReferences(root: string, file: string, text: string, exists: (path: string) => boolean): OutsideReference[] {
  if (!/['"`]\.\.\//.test(text)) return []; // no relative path that climbs: nothing to parse
  const found: OutsideReference[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.startsWith('../')) {
      const to = resolve(dirname(file), node.text.replace(/\?.*$/, ''));
      if (!isInside(root, to) && (isModuleSpecifier(node) || exists(to))) {
        found.push({ file: relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, text: node.text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
