#!/usr/bin/env node
// `npm run score`: extraction accuracy on the shared corpus. The corpus and its scorer live beside
// this repository (../shared), not in it: say so plainly when they are not there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shared = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared');
const needed = [join(shared, 'tools', 'score-extraction.mjs'), join(shared, 'corpus', 'seed'), join(shared, 'corpus', 'dev')];
const missing = needed.filter((p) => !existsSync(p));
if (missing.length) {
  console.error(`npm run score needs the shared corpus checked out beside this repository (../shared); missing:\n  ${missing.join('\n  ')}`);
  console.error('Without it, score the project\'s own annotated reports: node <scorer> test/fixtures/extraction (see README, Figures).');
  process.exit(2);
}
const r = spawnSync(process.execPath, needed, { stdio: 'inherit' });
process.exit(r.status ?? 1);
