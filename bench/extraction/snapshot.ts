// The extractor's complete output over every input it is scored on, for a byte-for-byte comparison
// of two versions of the code (a refactoring must not change a single character):
//   npx tsx --conditions=source bench/extraction/snapshot.ts [n=2000] > after.jsonl
//   cmp before.jsonl after.jsonl
// One line per input: every file of the shared corpus, test/fixtures/corpus and
// test/fixtures/extraction, decoded as the CLI decodes it (.docx/.doc/.pdf/GBK/UTF-16 too); then n of
// the benchmark's recombined reports and n reports of clauses shuffled across reports. Run from the
// repository root; the extractor is the one this file resolves `@thermocline/extraction` to (copy
// bench/extraction into another checkout to run that checkout's code).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_UPLOAD_LIMITS, decodeDocument, inspectUpload } from '@thermocline/documents';
import { DEFAULT_CATALOGUE, extract, prepareText } from '@thermocline/extraction';
import { corpusTexts, makeReports } from './reports';

const cwd = process.cwd();
const dirs = ['../shared/corpus/seed', '../shared/corpus/dev', 'test/fixtures/corpus/seed', 'test/fixtures/corpus/dev', 'test/fixtures/extraction'];

/** Reports of clauses from anywhere joined by random punctuation: juxtapositions no report has, so that
 * every fallback of the metrics rules meets neighbours it was not written for. */
function shuffledClauses(n: number): string[] {
  const clauses = corpusTexts().flatMap((t) => t.split(/[，。；：\n]/).filter((c) => c.trim().length > 0));
  const joints = ['，', '，', '，', '。', '；', '：', '、', '\n'];
  let seed = 7;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x100000000);
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = 5 + Math.floor(rnd() * 60);
    for (let k = 0; k < count; k++) parts.push(clauses[Math.floor(rnd() * clauses.length)] + joints[Math.floor(rnd() * joints.length)]);
    texts.push(prepareText(parts.join('')));
  }
  return texts;
}

async function main(): Promise<void> {
  const out: string[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(join(cwd, dir)).sort()) {
      if (f.endsWith('.gold.json') || f === 'README.md') continue;
      const bytes = readFileSync(join(cwd, dir, f));
      const inspected = inspectUpload(bytes, { ...DEFAULT_UPLOAD_LIMITS, maxBytes: Math.max(DEFAULT_UPLOAD_LIMITS.maxBytes, bytes.length) });
      if (!inspected.ok) {
        out.push(`${dir}/${f}\tunreadable ${inspected.error.message}`);
        continue;
      }
      const decoded = await decodeDocument(bytes, inspected.format);
      const result = extract(prepareText(decoded.text), { definitions: DEFAULT_CATALOGUE });
      out.push(`${dir}/${f}\t${JSON.stringify({ ...result, format: decoded.format, encoding: decoded.encoding, pages: decoded.pages })}`);
    }
  }
  const n = Number(process.argv[2] ?? 2000);
  makeReports(n).forEach((text, k) => out.push(`recombined-${k}\t${JSON.stringify(extract(text, { definitions: DEFAULT_CATALOGUE }))}`));
  shuffledClauses(n).forEach((text, k) => out.push(`clauses-${k}\t${JSON.stringify(extract(text, { definitions: DEFAULT_CATALOGUE }))}`));
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
