// The benchmark's texts: every report of the shared corpus and the extraction fixtures, and reports
// recombined from their paragraphs with numbers varied (deterministic: the same list on every run).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareText } from '@thermocline/extraction';

const root = join(__dirname, '../..');

/** The .txt reports of the shared corpus and the fixtures, as stored (prepareText). */
export function corpusTexts(): string[] {
  const dirs = [join(root, '../shared/corpus/seed'), join(root, '../shared/corpus/dev'), join(root, 'test/fixtures/extraction')];
  const texts: string[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (f.endsWith('.txt')) texts.push(prepareText(readFileSync(join(dir, f), 'utf8')));
  }
  if (texts.length === 0) throw new Error('no corpus found');
  return texts;
}

/** Deterministic generator: paragraphs from different reports, numbers changed, 1,000–6,000 chars. */
export function makeReports(n: number): string[] {
  const paragraphs = corpusTexts().flatMap((t) => t.split('\n').filter((p) => p.trim().length > 0));
  let seed = 42;
  const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 0x100000000);
  const reports: string[] = [];
  for (let i = 0; i < n; i++) {
    const target = 1000 + Math.floor(rnd() * 5000);
    let text = '';
    while (text.length < target) {
      const p = paragraphs[Math.floor(rnd() * paragraphs.length)].replace(/\d+/g, (d) => String(Math.max(1, Number(d) + Math.floor(rnd() * 7) - 3)));
      text += p + '\n';
    }
    reports.push(prepareText(text.slice(0, target)));
  }
  return reports;
}
