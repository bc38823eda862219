// A newcomer reads a file top to bottom. Past ~450 lines a source file has become several things
// at once (the extractor was 980 lines of vocabulary, quantity reading and ten inline fallbacks):
// split it by what it does. Generated files are exempt.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '../..');
const LIMIT = 450;
const GENERATED = new Set(['apps/web/src/api/schema.d.ts']);

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name === 'generated') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mjs|cjs|js)$/.test(e.name)) out.push(relative(root, p));
  }
  return out;
}

export function oversized(files: string[], read: (f: string) => string, limit = LIMIT): string[] {
  return files.filter((f) => !GENERATED.has(f)).flatMap((f) => {
    const lines = read(f).split('\n').length;
    return lines > limit ? [`${f}: ${lines} lines`] : [];
  });
}

describe('source file size', () => {
  const srcDirs = ['apps', 'libs'].flatMap((top) =>
    readdirSync(join(root, top), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(root, top, d.name, 'src')),
  );
  const files = srcDirs.flatMap((d) => {
    try {
      return sources(d);
    } catch {
      return []; // a package without src/
    }
  });

  it(`no file under apps/*/src or libs/*/src is over ${LIMIT} lines`, () => {
    expect(files.length).toBeGreaterThan(100);
    expect(oversized(files, (f) => readFileSync(join(root, f), 'utf8'))).toEqual([]);
  });

  it('names a file that is over the limit, and spares generated ones', () => {
    const long = 'x\n'.repeat(LIMIT + 1);
    expect(oversized(['libs/a/src/big.ts', 'libs/a/src/small.ts', 'apps/web/src/api/schema.d.ts'], (f) => (f.endsWith('small.ts') ? 'x' : long))).toEqual(['libs/a/src/big.ts: 452 lines']);
  });
});
