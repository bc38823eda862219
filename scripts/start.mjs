#!/usr/bin/env node
// `npm start`: the api (which also serves the web app) and one worker, in the foreground, until
// stopped. Either process exiting stops the other, so a supervisor sees one failure, not half a product.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apps = [
  ['api', join(root, 'apps/api/dist/main.js')],
  ['worker', join(root, 'apps/worker/dist/main.js')],
];
for (const [, main] of apps) {
  if (!existsSync(main)) {
    console.error(`${main} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const children = apps.map(([name, main]) => {
  const child = spawn(process.execPath, [main], { stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${name} exited (${signal ?? code}); stopping the other process`);
    stop(code ?? 1);
  });
  return child;
});

let stopping = false;
function stop(code) {
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  }, 20_000);
  force.unref();
  Promise.all(children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once('exit', r))))).then(() => process.exit(code));
}
// The URL on its own line once the api answers (the processes themselves log JSON).
const port = Number(process.env.PORT ?? 3000);
const url = (process.env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
const until = Date.now() + 180_000;
async function announce() {
  while (!stopping && Date.now() < until) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (r.status < 500 || r.status === 503) {
        process.stdout.write(`\n温跃层已启动 · Thermocline is up:\n${url}\n\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((res) => setTimeout(res, 500));
  }
}
void announce();

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
