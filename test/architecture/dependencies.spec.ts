// Every workspace package declares in its package.json each package its source imports — the
// @thermocline/* ones (the library graph) and third-party ones — so the graph npm, tsc and a reader
// see is the one the code has. Specs, benchmarks and scripts count: they are part of the package.

import { importsOf, leavesWorkspace, packageOf, sourceFiles, typesPackageOf, workspaces, type ImportSite, type Workspace } from './imports';

/** The imports of `w` that its package.json does not declare, or that reach into another package by a relative path. */
function undeclared(w: Workspace, sites: ImportSite[]): string[] {
  const problems: string[] = [];
  for (const site of sites) {
    if (leavesWorkspace(site.file, site.specifier, w.dir)) {
      problems.push(`${site.file}: '${site.specifier}' reaches outside ${w.dir}; import the package by name`);
      continue;
    }
    const pkg = packageOf(site.specifier);
    if (pkg === null || pkg === w.name || w.declared.has(pkg)) continue;
    if (site.typeOnly && w.declared.has(typesPackageOf(pkg))) continue;
    problems.push(`${site.file}: '${pkg}' is imported but not declared in ${w.dir}/package.json`);
  }
  return problems;
}

describe('declared dependencies', () => {
  const all = workspaces();

  it('finds every workspace and its sources', () => {
    expect(all.map((w) => w.dir)).toEqual(expect.arrayContaining(['libs/runtime', 'libs/server', 'libs/notify', 'apps/api', 'apps/worker', 'apps/web']));
    for (const w of all) expect(sourceFiles(w.dir).length).toBeGreaterThan(0);
  });

  it.each(all.map((w) => [w.dir, w] as const))('%s declares everything it imports', (_dir, w) => {
    const sites = sourceFiles(w.dir).flatMap((f) => importsOf(f));
    expect(undeclared(w, sites)).toEqual([]);
  });

  it('fails on an undeclared import, a relative path into another package, and a value import covered only by @types', () => {
    const runtime = all.find((w) => w.dir === 'libs/runtime') as Workspace;
    const code = [
      "import { Module } from '@nestjs/common';",
      "import type { Request } from 'express';",
      "import { REDIS } from '../../server/src/tokens';",
      "export const m = [Module, REDIS, require('bullmq'), import('@thermocline/jobs')];",
      "export type R = Request;",
    ].join('\n');
    const sites = importsOf('libs/runtime/src/example.ts', code);
    expect(sites.map((s) => [s.specifier, s.typeOnly])).toEqual([
      ['@nestjs/common', false],
      ['express', true],
      ['../../server/src/tokens', false],
      ['bullmq', false],
      ['@thermocline/jobs', false],
    ]);
    expect(undeclared(runtime, sites)).toEqual([
      "libs/runtime/src/example.ts: '@nestjs/common' is imported but not declared in libs/runtime/package.json",
      "libs/runtime/src/example.ts: 'express' is imported but not declared in libs/runtime/package.json",
      "libs/runtime/src/example.ts: '../../server/src/tokens' reaches outside libs/runtime; import the package by name",
      "libs/runtime/src/example.ts: 'bullmq' is imported but not declared in libs/runtime/package.json",
      "libs/runtime/src/example.ts: '@thermocline/jobs' is imported but not declared in libs/runtime/package.json",
    ]);
    // Declared: nothing to say; a type-only import is covered by the @types package.
    const withDeclared: Workspace = { ...runtime, declared: new Set([...runtime.declared, '@nestjs/common', '@types/express', '@thermocline/jobs', 'bullmq']) };
    expect(undeclared(withDeclared, sites.filter((s) => !s.specifier.startsWith('.')))).toEqual([]);
    const valueExpress = importsOf('libs/runtime/src/example.ts', "import express from 'express';");
    expect(undeclared(withDeclared, valueExpress)).toEqual(["libs/runtime/src/example.ts: 'express' is imported but not declared in libs/runtime/package.json"]);
  });

  it('reads package names from subpaths and leaves Node built-ins alone', () => {
    expect(['mysql2/promise', '@nestjs/common/decorators', 'node:fs', 'fs/promises', './x', 'antd/dist/reset.css'].map(packageOf)).toEqual(['mysql2', '@nestjs/common', null, null, null, 'antd']);
    expect(typesPackageOf('@scope/name')).toBe('@types/scope__name');
  });
});
