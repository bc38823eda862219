// The command-line contract (metric-catalogue.md, section 3), run as the scorer runs it: a child
// process of scripts/extract.mjs (what `npm run -s extract --` runs), from the repository root.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../../..');
const run = promisify(execFile);

async function cli(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(root, 'scripts/extract.mjs'), file], { cwd: root, timeout: 60000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

interface Output {
  metrics: { key: string; value: number; approx: boolean; unit: string; evidence: { start: number; end: number; text: string } }[];
  cadences: unknown[];
  problems: unknown[];
  plans: unknown[];
  placeholders: unknown[];
  unclassified: { value: number; unit: string; evidence: { text: string } }[];
  format: string;
}

describe('npm run -s extract -- <file>', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'extract-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('prints one JSON object with the contract’s fields for a .txt and exits 0', async () => {
    const r = await cli(join(root, 'test/fixtures/corpus/seed/seed-1.txt'));
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Output;
    for (const k of ['metrics', 'cadences', 'problems', 'plans', 'placeholders']) expect(Array.isArray(out[k as keyof Output])).toBe(true);
    expect(out.metrics.map((m) => [m.key, m.value, m.approx])).toEqual([
      ['propaganda.displays', 10, false],
      ['propaganda.displays', 30, true],
      ['propaganda.news', 20, true],
      ['propaganda.external_submissions', 9, false],
    ]);
    expect(out.metrics[0].evidence.text).toBe('制作工作宣传展板10块');
  }, 60000);

  it('reads a .docx by its content', async () => {
    const r = await cli(join(root, 'test/fixtures/extraction/village-2025.docx'));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.format).toBe('docx');
    expect(out.metrics.length).toBeGreaterThan(10);
  }, 60000);

  it('reads a .md file as text', async () => {
    const md = join(tmp, 'report.md');
    writeFileSync(md, '# 支部报告\n\n- 召开支委会6次\n- 制作宣传展板10块\n');
    const r = await cli(md);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Output).metrics.map((m) => m.key)).toEqual(['org.committee_meeting', 'propaganda.displays']);
  }, 60000);

  it('prints counts no key took under unclassified', async () => {
    const md = join(tmp, 'court.md');
    writeFileSync(md, '召开支委会6次。本季度审结各类案件1,252件。\n');
    const r = await cli(md);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Output;
    expect(out.metrics.map((m) => m.value)).toEqual([6]);
    expect(out.unclassified.map((u) => [u.value, u.unit, u.evidence.text])).toEqual([[1252, '件', '本季度审结各类案件1,252件']]);
  }, 60000);

  it.each([
    ['a missing file', () => join(tmp, 'nope.docx'), /nope\.docx/],
    ['binary noise', () => {
      const f = join(tmp, 'noise.txt');
      writeFileSync(f, Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
      return f;
    }, /不是可读的文字|无法识别/],
    ['an encrypted PDF', () => join(root, 'test/fixtures/documents/report-encrypted.pdf'), /PDF 已加密/],
  ])('prints one clear line on stderr and exits non-zero for %s', async (_, file, message) => {
    const r = await cli(file());
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
  }, 60000);
});
