// Under tsx (the benchmark, `npm run extract` from sources) every module is CommonJS whose exports are
// getters; V8 keeps an object with more than 16 such properties in dictionary mode, and every read
// of one of its bindings then costs a slow lookup (3–5× a fast one, measured). The extractor reads
// its vocabulary in hot loops, so no module of it exports more than 16 names — a vocabulary file
// that grows past that is split by role (vocabulary/*.ts).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = __dirname;
const modules = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? modules(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && e.name !== 'test-helpers.ts' ? [join(dir, e.name)] : [],
  );

const names = async (file: string) => Object.keys((await import(file)) as object).filter((k) => k !== 'default');

describe('module size', () => {
  it.each(modules(root).map((f) => [relative(root, f), f]))('%s exports at most 16 names', async (_, file) => {
    expect((await names(file)).length).toBeLessThanOrEqual(16);
  });

  it('counts what a module exports at run time (types are no exports)', async () => {
    expect(await names(join(root, 'vocabulary/units.ts'))).toContain('UNIT_WORDS');
    expect(await names(join(root, 'result.ts'))).toEqual([]);
  });
});
