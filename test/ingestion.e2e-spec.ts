import { extract, prepareText } from '@thermocline/extraction';
import { strToU8, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { createBureau, PASSWORD } from './support/bureau';
import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { fixture, settled, upload } from './support/reports';
import { WorkerProcess } from './support/worker-process';

const SOURCE = readFileSync(`${__dirname}/fixtures/documents/report-sample.source.txt`, 'utf8');
/** What every decoder must give back, compared without layout (line breaks, spaces). */
// (LibreOffice's .doc export straightens curly quotes; that is the fixture, not the decoder.)
const squash = (s: string) => s.normalize('NFKC').replace(/[“”]/g, '"').replace(/\s+/g, '');

function docx(documentXml: string, extra: Record<string, Uint8Array> = {}): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
      'word/document.xml': strToU8(documentXml),
      ...extra,
    }),
  );
}

describe('report ingestion: upload → store → queue → worker → text and mentions', () => {
  let h: Harness;
  let worker: WorkerProcess;
  let admin: Client;
  let sec: Client;

  beforeAll(async () => {
    h = await startHarness({ UPLOAD_MAX_BYTES: '1MB', WORKER_LOCK_MS: '4000' });
    admin = await new Client(h.url).login('admin', ADMIN_PASSWORD);
    await createBureau(admin);
    await admin.post('/api/periods', { code: '2026-H1', startsOn: '2026-01-01', endsOn: '2026-06-30', dueOn: '2026-07-10' });
    await admin.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    sec = await admin.login('sec-school-1', PASSWORD);
    worker = await WorkerProcess.start(h.env);
  });
  afterAll(async () => {
    await worker?.stop();
    await h?.close();
  });

  describe('every supported format reaches extracted with its text intact', () => {
    it.each([
      ['report-sample.docx', 'docx'],
      ['report-sample.doc', 'doc'],
      ['report-sample.pdf', 'pdf'],
      ['report-gb18030.txt', 'txt'],
      ['report-utf16le-bom.txt', 'txt'],
      ['report-utf8-bom.txt', 'txt'],
    ])('%s', async (name, format) => {
      const r = await upload(sec, 'school-1', '2099-H1', name, fixture(name));
      expect(r.status).toBe(202);
      expect(r.body).toMatchObject({ version: expect.any(Number), status: 'queued' });
      const done = await settled(sec, [r.body.id]);
      expect(done.get(r.body.id)).toMatchObject({ status: 'extracted', error: null });
      const detail = await sec.get<{ text: string; format: string; late: boolean; problems: unknown[] }>(`/api/reports/${r.body.id}`);
      expect(detail.body.format).toBe(format);
      expect(squash(detail.body.text)).toBe(squash(SOURCE));
      expect(detail.body.late).toBe(false);
      const mentions = await sec.get<{ key: string; value: number; evidence: { start: number; end: number; text: string } }[]>(`/api/reports/${r.body.id}/mentions`);
      expect(mentions.body.length).toBeGreaterThan(3);
      for (const m of mentions.body) expect(detail.body.text.slice(m.evidence.start, m.evidence.end)).toBe(m.evidence.text);
    });
  });

  describe('versions and duplicates', () => {
    it('makes a re-upload version 2 and keeps version 1 with its file', async () => {
      const v1 = await upload(sec, 'school-1', '2026-H1', '报告.txt', Buffer.from(`${SOURCE}\n第一稿`));
      const v2 = await upload(sec, 'school-1', '2026-H1', '报告（修改）.txt', Buffer.from(`${SOURCE}\n第二稿`));
      expect(v1.body.version).toBe(1);
      expect(v2.status).toBe(202);
      expect(v2.body.version).toBe(2);
      const list = await sec.get<{ id: number; version: number; latest: boolean; late: boolean }[]>('/api/reports?unitCode=school-1&periodCode=2026-H1');
      expect(list.body.map((r) => [r.version, r.latest])).toEqual([
        [2, true],
        [1, false],
      ]);
      // Submitted after 2026-07-10: late, and recorded as such.
      expect(list.body.every((r) => r.late)).toBe(true);
      const file = await sec.get(`/api/reports/${v1.body.id}/file`);
      expect(file.status).toBe(200);
      expect((file.body as unknown as Buffer).toString()).toContain('第一稿');
      expect(file.headers.get('content-disposition')).toMatch(/^attachment;/);
    });

    it('numbers concurrent uploads for the same and for different units without a deadlock', async () => {
      const secs = [sec, await admin.login('sec-school-2', PASSWORD), await admin.login('sec-hospital', PASSWORD)];
      const units = ['school-1', 'school-2', 'hospital'];
      const results = await Promise.all(
        Array.from({ length: 18 }, (_, i) => upload(secs[i % 3], units[i % 3], '2099-H1', `parallel-${i}.txt`, Buffer.from(`${SOURCE}\n并发 ${i}`))),
      );
      expect(results.map((r) => r.status)).toEqual(Array(18).fill(202));
      for (const [k, unit] of units.entries()) {
        const versions = results.filter((_, i) => i % 3 === k).map((r) => r.body.version);
        expect(new Set(versions).size).toBe(6);
        const listed = (await admin.get<{ version: number }[]>(`/api/reports?unitCode=${unit}&periodCode=2099-H1`)).body.map((r) => r.version);
        expect(new Set(listed).size).toBe(listed.length);
      }
    });

    it('answers the same bytes twice with the existing report', async () => {
      const bytes = Buffer.from(`${SOURCE}\n同一份文件`);
      const a = await upload(sec, 'school-1', '2099-H1', 'a.txt', bytes);
      const b = await upload(sec, 'school-1', '2099-H1', 'b.txt', bytes);
      expect(a.status).toBe(202);
      expect(b.status).toBe(200);
      expect(b.body).toMatchObject({ id: a.body.id, version: a.body.version, duplicate: true });
    });
  });

  describe('bad input: a clear 4xx or a failed status with a reason, and nothing else changes', () => {
    const reportCount = async () => (await admin.get<unknown[]>('/api/reports')).body.length;

    it.each<[string, string, () => Buffer, number, RegExp]>([
      ['an empty file', 'empty.docx', () => Buffer.alloc(0), 400, /空的/],
      ['a file over the limit', 'big.txt', () => Buffer.alloc(1024 * 1024 + 10, 0x41), 413, /大小限制/],
      ['an .exe renamed .docx', 'setup.docx', () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(400, 1)]), 415, /可执行程序/],
      ['a truncated .docx', 'cut.docx', () => fixture('report-sample.docx').subarray(0, 900), 415, /Word|损坏|不完整/],
      ['binary noise named .txt', 'noise.txt', () => Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)), 415, /不是可读的文字|无法识别/],
      ['an HTML page named .docx', 'x.docx', () => Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'), 415, /网页|HTML/],
    ])('%s', async (_what, name, bytes, status, message) => {
      const before = await reportCount();
      const r = await upload(sec, 'school-1', '2099-H1', name, bytes());
      expect(status === 415 ? [415, 422] : [status]).toContain(r.status);
      expect(r.body.message).toMatch(message);
      expect(await reportCount()).toBe(before);
    });

    it('a .docx zip bomb (huge declared unpacked size)', async () => {
      const bomb = docx('<w:document/>', { 'word/media/zeros.bin': new Uint8Array(3 * 1024 * 1024) });
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const big = await startHarnessLimits();
      try {
        const before = (await big.admin.get<unknown[]>('/api/reports')).body.length;
        const r = await upload(big.sec, 'school-1', '2099-H1', 'bomb.docx', bomb);
        expect([413, 422]).toContain(r.status);
        expect(r.body.message).toMatch(/解压|过大|压缩/);
        expect((await big.admin.get<unknown[]>('/api/reports')).body.length).toBe(before);
      } finally {
        await big.close();
      }
    });

    it('a .docx with an external image link is read without touching the linked file', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', 'ext.docx', fixture('report-external-image.docx'));
      expect(r.status).toBe(202);
      const done = await settled(sec, [r.body.id]);
      expect(done.get(r.body.id)?.status).toBe('extracted');
      const detail = await sec.get<{ text: string }>(`/api/reports/${r.body.id}`);
      expect(detail.body.text).not.toContain('root:');
    });

    it('an encrypted PDF fails with a reason the secretary can act on', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', 'locked.pdf', fixture('report-encrypted.pdf'));
      expect(r.status).toBe(202);
      const done = await settled(sec, [r.body.id]);
      expect(done.get(r.body.id)?.status).toBe('failed');
      expect(done.get(r.body.id)?.error).toMatch(/PDF 已加密，无法读取/);
    });

    it('a PDF with JavaScript is read as text, the script never run', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', 'js.pdf', fixture('report-javascript.pdf'));
      const done = await settled(sec, [r.body.id]);
      expect(done.get(r.body.id)?.status).toBe('extracted');
      expect(worker.output).not.toMatch(/app\.alert/);
    });

    it('a file name with ../ and HTML is kept only as a display name', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', '../../etc/<img src=x onerror=alert(1)>报告.txt', Buffer.from(`${SOURCE}\n文件名`));
      expect(r.status).toBe(202);
      const detail = await sec.get<{ originalName: string }>(`/api/reports/${r.body.id}`);
      expect(detail.body.originalName).not.toMatch(/[<>/\\]|\.\./);
      expect(detail.body.originalName).toContain('报告');
    });

    it('an unknown unit, an unknown period, another unit', async () => {
      const bytes = Buffer.from(`${SOURCE}\n范围`);
      expect((await upload(sec, 'no-such-unit', '2099-H1', 'a.txt', bytes)).status).toBe(404);
      const noPeriod = await upload(sec, 'school-1', '2042-Q9', 'a.txt', bytes);
      expect(noPeriod.status).toBe(404);
      expect(noPeriod.body.message).toMatch(/期次/);
      expect((await upload(sec, 'school-2', '2099-H1', 'a.txt', bytes)).status).toBe(404);
      // Not even a sub-unit of one's own: a secretary acts for their own unit only.
      expect((await upload(sec, 'school-1-b1', '2099-H1', 'a.txt', bytes)).status).toBe(404);
      const leader = await admin.login('leader', PASSWORD);
      expect((await upload(leader, 'school-1', '2099-H1', 'a.txt', bytes)).status).toBe(403);
    });
  });

  describe('review', () => {
    it('lets the unit’s secretary correct and reject numbers, and nobody outside', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', 'review.txt', Buffer.from(`${SOURCE}\n审核`));
      await settled(sec, [r.body.id]);
      const mentions = (await sec.get<{ id: string; key: string; value: number; state: string }[]>(`/api/reports/${r.body.id}/mentions`)).body;
      const [first, second] = mentions;
      const corrected = await sec.patch(`/api/mentions/${first.id}`, { state: 'corrected', value: first.value + 1 });
      expect(corrected.status).toBe(200);
      expect(corrected.body).toMatchObject({ state: 'corrected', value: first.value + 1, originalValue: first.value, originalKey: first.key });
      expect((await sec.patch(`/api/mentions/${second.id}`, { state: 'rejected' })).body).toMatchObject({ state: 'rejected' });
      expect((await sec.patch(`/api/mentions/${second.id}`, { state: 'corrected' })).status).toBe(400);
      // #16.5: 驳回 is undone — back to unreviewed, reviewer cleared; a corrected figure back to corrected
      expect((await sec.patch(`/api/mentions/${second.id}`, { state: 'unreviewed' })).body).toMatchObject({ state: 'unreviewed' });
      expect((await sec.patch(`/api/mentions/${second.id}`, { state: 'unreviewed', value: 1 })).status).toBe(400);
      expect((await sec.patch(`/api/mentions/${first.id}`, { state: 'rejected' })).status).toBe(200);
      expect((await sec.patch(`/api/mentions/${first.id}`, { state: 'corrected' })).body).toMatchObject({ state: 'corrected', value: first.value + 1, originalValue: first.value });
      expect((await sec.patch(`/api/mentions/${second.id}`, { state: 'corrected', key: 'no.such_key', value: 3 })).status).toBe(400);
      const other = await admin.login('sec-school-2', PASSWORD);
      expect((await other.patch(`/api/mentions/${first.id}`, { state: 'confirmed' })).status).toBe(404);
      expect((await other.get(`/api/reports/${r.body.id}/mentions`)).status).toBe(404);
      const log = await admin.get<{ action: string }[]>(`/api/audit?entity=mention&entityId=${first.id}`);
      expect(log.body[0].action).toBe('mention.review');
    });

    it('audits every status change of a report', async () => {
      const r = await upload(sec, 'school-1', '2099-H1', 'audit.txt', Buffer.from(`${SOURCE}\n审计`));
      await settled(sec, [r.body.id]);
      const log = await admin.get<{ action: string; detail: { to?: string } }[]>(`/api/audit?entity=report&entityId=${r.body.id}`);
      expect(log.body.map((e) => e.detail.to ?? e.action).reverse()).toEqual(['report.upload', 'processing', 'extracted']);
    });
  });

  /** A second harness with a small unpacked-size limit, for the zip bomb. */
  async function startHarnessLimits() {
    const big = await startHarness({ UPLOAD_MAX_UNPACKED_BYTES: '2MB' });
    const a = await new Client(big.url).login('admin', ADMIN_PASSWORD);
    await createBureau(a);
    await a.post('/api/periods', { code: '2099-H1', startsOn: '2099-01-01', endsOn: '2099-06-30', dueOn: '2099-07-10' });
    return { admin: a, sec: await a.login('sec-school-1', PASSWORD), close: () => big.close() };
  }

  it('extracts exactly what the extractor reads (no mention lost or doubled)', async () => {
    const text = `${SOURCE}\n一致性`;
    const r = await upload(sec, 'school-1', '2099-H1', 'same.txt', Buffer.from(text));
    await settled(sec, [r.body.id]);
    const expected = extract(prepareText(text)).metrics.length;
    expect((await sec.get<unknown[]>(`/api/reports/${r.body.id}/mentions`)).body).toHaveLength(expected);
  });
});
