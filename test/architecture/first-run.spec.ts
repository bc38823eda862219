// #18: a fresh clone runs with `docker compose up --build` and nothing else — no .env, no
// variable that compose insists on — and the README says so first.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Compose interpolations that stop `docker compose up` when the variable is unset: ${X:?…} / ${X?…}. */
export function requiredVariables(compose: string): string[] {
  return [...compose.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((m) => m[1]);
}

describe('first run', () => {
  it('finds a required compose variable', () => {
    expect(requiredVariables('A: ${ADMIN_PASSWORD:?set it}\nB: ${B?x}\nC: ${C:-d}')).toEqual(['ADMIN_PASSWORD', 'B']);
  });

  it('docker-compose.yml requires no variable, and .env is optional', () => {
    const compose = read('docker-compose.yml');
    expect(requiredVariables(compose)).toEqual([]);
    for (const m of compose.matchAll(/env_file:\s*(.*)/g)) expect(m[1]).toMatch(/required:\s*false/);
  });

  it('the README starts with `docker compose up --build`, then the address, then where the setup code is', () => {
    const readme = read('README.md');
    const firstBlock = /```(?:bash|sh)?\n([\s\S]*?)```/.exec(readme)?.[1].trim();
    expect(firstBlock).toBe('docker compose up --build');
    const after = readme.slice(readme.indexOf('```', readme.indexOf('docker compose up --build')) + 3);
    expect(after.trimStart()).toMatch(/^Then open http:\/\/localhost:3000/);
    expect(after.slice(0, 600)).toContain('docker compose logs api');
  });
});
