// The PDF reader runs on every upload. CVE-2024-4367 was pdf.js compiling font paths with
// `new Function`; 6.x removed that path (and the isEvalSupported switch with it). This guards the
// dependency: a pdf.js upgrade that brings code generation back fails here, before it ships.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const dir = join(dirname(require.resolve('pdfjs-dist/package.json')), 'legacy/build');

/** `new Function(…)` or `eval(…)` calls, skipping identifiers that merely end in those words. */
function codeGeneration(source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(/(?<![\w$.])(?:new\s+Function\s*\(|eval\s*\()/g)) {
    found.push(source.slice(Math.max(0, m.index - 40), m.index + 40));
  }
  return found;
}

describe('pdf.js build used for uploads', () => {
  it.each(['pdf.mjs', 'pdf.worker.mjs'])('%s holds no eval or new Function', (file) => {
    expect(codeGeneration(readFileSync(join(dir, file), 'utf8'))).toEqual([]);
  });

  it('the detector finds code generation where there is some', () => {
    expect(codeGeneration('const f = new Function("a", "return a"); x = eval("1");')).toHaveLength(2);
    expect(codeGeneration('new FunctionBasedShading(dict); retrieval(x);')).toEqual([]);
  });
});
