// What each workspace package imports, read with the TypeScript parser (static imports and
// exports, `import x = require()`, `require()` and `import()` calls), for the architecture specs.

import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(__dirname, '../..');

export interface Workspace {
  /** Relative to the repository root, e.g. 'libs/runtime'. */
  dir: string;
  name: string;
  /** dependencies, devDependencies and peerDependencies together. */
  declared: Set<string>;
}

export interface ImportSite {
  /** Relative to the repository root. */
  file: string;
  specifier: string;
  /** Only types are imported (erased from the JavaScript): an @types package may declare it. */
  typeOnly: boolean;
}

interface PackageJson {
  name: string;
  workspaces?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;

export function workspaces(): Workspace[] {
  return (readJson(join(ROOT, 'package.json')).workspaces ?? []).map((dir) => {
    const pkg = readJson(join(ROOT, dir, 'package.json'));
    const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
    return { dir, name: pkg.name, declared };
  });
}

const SOURCE = /\.(c|m)?(t|j)sx?$/;
const SKIP = new Set(['node_modules', 'dist', 'coverage']);

/** Every source file of a workspace (specs, benchmarks, scripts and config files included), relative to the root. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) walk(join(abs, entry.name));
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        out.push(relative(ROOT, join(abs, entry.name)));
      }
    }
  };
  walk(join(ROOT, dir));
  return out.sort();
}

function typeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

export function importsOf(file: string, text = readFileSync(join(ROOT, file), 'utf8')): ImportSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: ImportSite[] = [];
  const add = (literal: ts.Expression | undefined, typeOnly: boolean): void => {
    if (literal && ts.isStringLiteralLike(literal)) out.push({ file, specifier: literal.text, typeOnly });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) add(node.moduleSpecifier, typeOnlyImport(node));
    else if (ts.isExportDeclaration(node)) add(node.moduleSpecifier, node.isTypeOnly);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, node.isTypeOnly);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal, true);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

const BUILTIN = new Set(builtinModules);

/** The package a bare specifier names ('pino/file' → 'pino', '@nestjs/common/x' → '@nestjs/common'); null for relative paths and Node's own modules. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  if (specifier.startsWith('node:') || BUILTIN.has(specifier.split('/')[0])) return null;
  const parts = specifier.split('?')[0].split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The @types package that would type `pkg` ('@scope/name' → '@types/scope__name'). */
export function typesPackageOf(pkg: string): string {
  return `@types/${pkg.startsWith('@') ? pkg.slice(1).replace('/', '__') : pkg}`;
}

/** Whether a relative import from `file` resolves outside `dir` (both relative to the root). */
export function leavesWorkspace(file: string, specifier: string, dir: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const target = resolve(ROOT, dirname(file), specifier);
  return !target.startsWith(resolve(ROOT, dir) + sep);
}
