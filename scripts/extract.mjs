#!/usr/bin/env node
// `npm run -s extract -- <file>` (metric-catalogue.md §3). Runs the compiled CLI when the build is
// newer than every source file of the libraries it uses (0.2 s a file), otherwise the TypeScript
// sources through tsx (always current, ~1 s of compilation a file).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const libs = ['extraction', 'documents', 'contracts'];
const compiled = join(root, 'libs/extraction/dist/cli.js');

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
  for (const lib of libs) {
    const built = join(root, 'libs', lib, 'dist', 'index.js');
    const info = join(root, 'libs', lib, 'dist', '.tsbuildinfo');
    if (!existsSync(built) || !existsSync(info)) return false;
    // tsc -b leaves unchanged outputs alone and stamps its build info instead.
    const builtAt = Math.max(statSync(built).mtimeMs, statSync(info).mtimeMs);
    if (builtAt < newest(join(root, 'libs', lib, 'src'))) return false;
  }
  return existsSync(compiled);
}

const args = process.argv.slice(2);
const r = fresh()
  ? spawnSync(process.execPath, [compiled, ...args], { stdio: 'inherit' })
  : spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), '--conditions=source', join(root, 'libs/extraction/src/cli.ts'), ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
