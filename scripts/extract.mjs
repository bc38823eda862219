#!/usr/bin/env node
// `npm run -s extract -- <file>` (metric-catalogue.md §3), implemented by apps/extract-cli. Runs the
// compiled CLI when its build and the builds of the libraries it uses are newer than every source
// file of theirs (0.2 s a file), otherwise the TypeScript sources through tsx (always current, ~1 s
// of compilation a file).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** [package directory, its compiled entry] */
const packages = [
  ['apps/extract-cli', 'main.js'],
  ['libs/extraction', 'index.js'],
  ['libs/documents', 'index.js'],
  ['libs/contracts', 'index.js'],
];
const source = join(root, 'apps/extract-cli/src/main.ts');
const compiled = join(root, 'apps/extract-cli/dist/main.js');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.name.endsWith('.spec.ts')) continue; // tests are not part of the build
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh() {
  for (const [dir, entry] of packages) {
    const built = join(root, dir, 'dist', entry);
    const info = join(root, dir, 'dist', '.tsbuildinfo');
    if (!existsSync(built) || !existsSync(info)) return false;
    // tsc -b leaves unchanged outputs alone and stamps its build info instead.
    const builtAt = Math.max(statSync(built).mtimeMs, statSync(info).mtimeMs);
    if (builtAt < newest(join(root, dir, 'src'))) return false;
  }
  return true;
}

const args = process.argv.slice(2);
const r = fresh()
  ? spawnSync(process.execPath, [compiled, ...args], { stdio: 'inherit' })
  : spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=source', source, ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
