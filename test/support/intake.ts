// A transport bureau of our own making for bulk intake, and the zip a clerk would get from its
// branches: test/fixtures/intake holds twelve reports (two in 繁體, one from a unit outside the
// bureau); here they get meaningless names, GBK names in the zip as Windows writes them, mixed
// encodings and formats, one exact copy and one second draft.
import { strToU8, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from './http';

export const INTAKE_DIR = join(__dirname, '..', 'fixtures', 'intake');

export const INTAKE_UNITS = [
  { code: 'road', name: '市公路事业发展中心党委', parentCode: 'bureau', memberCount: 60 },
  { code: 'road-office', name: '市公路事业发展中心机关党支部', parentCode: 'road', memberCount: 25 },
  { code: 'road-maint', name: '市公路事业发展中心养护科党支部', parentCode: 'road', memberCount: 31 },
  { code: 'port', name: '市港航管理中心党总支', parentCode: 'bureau', memberCount: 48 },
  { code: 'port-1', name: '港航管理中心第一党支部', parentCode: 'port', memberCount: 22 },
  { code: 'transit', name: '市公共交通集团党委', parentCode: 'bureau', memberCount: 300 },
  { code: 'transit-bus', name: '公交一公司党支部', parentCode: 'transit', memberCount: 80 },
  { code: 'transit-metro', name: '地铁运营分公司党支部', parentCode: 'transit', memberCount: 95 },
  { code: 'safety', name: '市交通运输综合行政执法支队党委', parentCode: 'bureau', memberCount: 70 },
  { code: 'safety-1', name: '执法一大队党支部', parentCode: 'safety', memberCount: 28 },
  { code: 'logistics', name: '市物流发展服务中心党支部', parentCode: 'bureau', memberCount: 18 },
  { code: 'training', name: '交通技工学校党总支', parentCode: 'bureau', memberCount: 40 },
];

export async function createIntakeBureau(admin: Client): Promise<void> {
  for (const u of INTAKE_UNITS) {
    const r = await admin.post('/api/units', u);
    if (r.status !== 201) throw new Error(`create unit ${u.code}: ${r.status} ${JSON.stringify(r.body)}`);
  }
}

export const MANIFEST = JSON.parse(readFileSync(join(INTAKE_DIR, 'manifest.json'), 'utf8')) as { file: string; unit: string | null }[];
export const intakeText = (file: string): string => readFileSync(join(INTAKE_DIR, file), 'utf8');

/** A minimal .docx: one paragraph per line. */
export function docxOf(text: string): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = text
    .split('\n')
    .map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`)
    .join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      'word/document.xml': strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    }),
  );
}

/** A zip as Windows writes it: names in GBK with the UTF-8 flag clear (ASCII placeholders patched in place). */
export function windowsZip(files: { name: string; bytes: Buffer }[]): Buffer {
  const input: Record<string, Uint8Array> = {};
  const patches: [Buffer, Buffer][] = [];
  files.forEach((f, i) => {
    const gbk = iconv.encode(f.name, 'gbk');
    const ph = Buffer.from(`${String(i).padStart(3, '0')}${'q'.repeat(Math.max(0, gbk.length - 3))}`);
    if (ph.length !== gbk.length) throw new Error(`name too short for a placeholder: ${f.name}`);
    patches.push([ph, gbk]);
    input[ph.toString()] = new Uint8Array(f.bytes);
  });
  const zip = Buffer.from(zipSync(input, { level: 6 }));
  for (const [ph, gbk] of patches) for (let at = zip.indexOf(ph); at >= 0; at = zip.indexOf(ph, at + 1)) gbk.copy(zip, at);
  return zip;
}

/**
 * The zip of the twelve fixture reports (names that say nothing), plus an exact copy of 05 and a
 * second draft of 06. Returns the zip and, per name, the unit each file belongs to.
 */
export function intakeZip(): { zip: Buffer; expected: Map<string, string | null> } {
  const names = ['附件1.txt', '新建文档.docx', '报告(2).txt', '附件.txt', '材料上报.docx', '111.txt', '新建文本文档.txt', '附件3.docx', '请查收.txt', '半年报告.txt', '報告.txt', '附件2.txt'];
  const files: { name: string; bytes: Buffer }[] = [];
  const expected = new Map<string, string | null>();
  MANIFEST.forEach((m, i) => {
    const text = intakeText(m.file);
    const name = names[i];
    // Mixed as they arrive: Word files, GBK text from old PCs, UTF-8 text.
    const bytes = name.endsWith('.docx') ? docxOf(text) : i % 3 === 0 ? iconv.encode(text.replace(/\n/g, '\r\n'), 'gbk') : Buffer.from(text);
    files.push({ name, bytes });
    expected.set(name, m.unit);
  });
  files.push({ name: '材料上报(1).docx', bytes: files[4].bytes }); // 05 again, byte for byte
  files.push({ name: '修改稿.txt', bytes: Buffer.from(`${intakeText('06.txt')}\n（修改稿）`) }); // 06, second draft
  return { zip: windowsZip(files), expected };
}

export function bulkForm(periodCode: string, files: { name: string; bytes: Buffer }[]): FormData {
  const form = new FormData();
  form.append('periodCode', periodCode);
  for (const f of files) form.append('files', new Blob([new Uint8Array(f.bytes)], { type: 'application/octet-stream' }), f.name);
  return form;
}
