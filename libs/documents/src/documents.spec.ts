import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { zipSync, strToU8 } from 'fflate';
import * as iconv from 'iconv-lite';
import { DEFAULT_UPLOAD_LIMITS, DocumentError, decodeDocument, inspectUpload, safeFileName } from './index';
import { htmlToText } from './decode';
import type { UploadLimits } from './index';

const root = join(__dirname, '../../..');
const fixtures = join(root, 'test/fixtures/documents');
const fixture = (name: string) => fs.readFileSync(join(fixtures, name));
const source = fs.readFileSync(join(fixtures, 'report-sample.source.txt'), 'utf8').trimEnd();
const limits: UploadLimits = { maxBytes: 5 * 1024 * 1024, maxUnpackedBytes: 20 * 1024 * 1024, maxEntries: 100 };

function rejected(bytes: Buffer, l: UploadLimits = limits): DocumentError {
  const r = inspectUpload(bytes, l);
  if (r.ok) throw new Error(`accepted as ${r.format}`);
  return r.error;
}

/** A deterministic pseudo-random byte string. */
function noise(n: number, seed = 7): Buffer {
  const b = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const minimalDocx = (files: Record<string, string | Uint8Array>) =>
  Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]))));

describe('inspectUpload: by content, never by name', () => {
  it.each([
    ['report-sample.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['report-sample.doc', 'doc', 'application/msword'],
    ['report-sample.pdf', 'pdf', 'application/pdf'],
    ['report-encrypted.pdf', 'pdf', 'application/pdf'],
    ['report-javascript.pdf', 'pdf', 'application/pdf'],
    ['report-gb18030.txt', 'txt', 'text/plain'],
    ['report-utf16le-bom.txt', 'txt', 'text/plain'],
    ['report-utf8-bom.txt', 'txt', 'text/plain'],
  ])('%s is %s', (name, format, mime) => {
    expect(inspectUpload(fixture(name), limits)).toEqual({ ok: true, format, mime });
  });

  it('refuses an empty file with 400', () => {
    const e = rejected(Buffer.alloc(0));
    expect([e.status, e.code]).toEqual([400, 'EMPTY_FILE']);
    expect(e.message).toContain('空');
  });

  it('refuses a file over maxBytes with 413 and says the limit', () => {
    const e = rejected(fixture('report-sample.pdf'), { ...limits, maxBytes: 10 * 1024 });
    expect(e.status).toBe(413);
    expect(e.message).toContain('10 KB');
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), noise(2000)])],
    ['an ELF binary', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), noise(2000)])],
    ['an HTML page', Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script>意识形态</body></html>')],
    ['a script', Buffer.from('<script>fetch("/api")</script>')],
    ['a shell script', Buffer.from('#!/bin/sh\nrm -rf /\n')],
    ['a PNG', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(500)])],
    ['binary noise', noise(4096)],
    ['control-byte noise', Buffer.from(Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41 + (i % 26))))],
  ])('refuses %s with 415', (_, bytes) => {
    const e = rejected(bytes);
    expect(e.status).toBe(415);
    expect(e.message).toMatch(/请/);
  });

  it('names the file type it refuses', () => {
    expect(rejected(Buffer.concat([Buffer.from('MZ'), noise(100)])).message).toContain('可执行程序');
    expect(rejected(Buffer.from('<html><body>x</body></html>')).message).toContain('网页');
  });

  it('refuses a zip without word/document.xml as not a Word document', () => {
    const zip = minimalDocx({ '[Content_Types].xml': '<Types/>', 'word/other.xml': '<x/>' });
    const e = rejected(zip);
    expect(e.status).toBe(415);
    expect(e.message).toContain('文件不是有效的 Word 文档');
  });

  it('recognises an Excel workbook sent as a report', () => {
    const zip = minimalDocx({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
    expect(rejected(zip).message).toContain('Excel');
  });

  it('refuses a truncated .docx with 422', () => {
    const docx = fixture('report-sample.docx');
    const e = rejected(docx.subarray(0, Math.floor(docx.length * 0.6)));
    expect([e.status, e.code]).toEqual([422, 'CORRUPT_DOCX']);
    expect(e.message).toContain('文件不是有效的 Word 文档');
  });

  it('refuses a zip bomb from the central directory alone (declared sizes)', () => {
    const bomb = minimalDocx({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': new Uint8Array(30 * 1024 * 1024), // 30 MB of zeros packs to ~30 KB
    });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const started = Date.now();
    const e = rejected(bomb);
    expect([e.status, e.code]).toEqual([413, 'UNPACKED_TOO_LARGE']);
    expect(Date.now() - started).toBeLessThan(50); // nothing was inflated
  });

  it('refuses a zip with too many entries', () => {
    const files: Record<string, string> = { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w/>' };
    for (let i = 0; i < 150; i++) files[`word/media/x${i}.xml`] = '';
    expect(rejected(minimalDocx(files)).status).toBe(413);
  });

  it('recognises a non-Word OLE file (an .xls) without parsing it', () => {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    ole.writeUInt16LE(9, 0x1e);
    const name = Buffer.from('Workbook\0', 'utf16le');
    name.copy(ole, 512);
    ole.writeUInt16LE(name.length, 512 + 64);
    ole[512 + 66] = 2;
    const e = rejected(ole);
    expect(e.status).toBe(415);
    expect(e.message).toContain('Excel');
  });

  it('refuses Latin-1 mojibake rather than guessing', () => {
    expect(rejected(Buffer.from([0xe9, 0x41, 0xe8, 0x42, 0xff, 0x43, 0x80, 0x44])).status).toBe(415);
  });

  it('is fast on a large text', () => {
    const big = Buffer.from(source.repeat(2000), 'utf8');
    const started = Date.now();
    expect(inspectUpload(big, { ...limits, maxBytes: big.length }).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('decodeDocument', () => {
  it('reads a .docx with text split across runs, one line per paragraph', async () => {
    const r = await decodeDocument(fixture('report-sample.docx'), 'docx');
    expect(r.format).toBe('docx');
    const lines = r.text.split('\n').filter(Boolean);
    expect(lines).toEqual(source.split('\n').filter(Boolean));
  });

  it('never reads a local file linked as an external image', async () => {
    const readFile = jest.spyOn(fs, 'readFile');
    const readFileSync = jest.spyOn(fs, 'readFileSync');
    try {
      const r = await decodeDocument(fixture('report-external-image.docx'), 'docx');
      expect(r.text).toContain('局机关党支部');
      expect(r.text).not.toContain('root:');
      const touched = [...readFile.mock.calls, ...readFileSync.mock.calls].map((c) => String(c[0]));
      expect(touched.filter((p) => p.includes('passwd'))).toEqual([]);
    } finally {
      readFile.mockRestore();
      readFileSync.mockRestore();
    }
  });

  it('reads a .doc made by LibreOffice', async () => {
    const r = await decodeDocument(fixture('report-sample.doc'), 'doc');
    expect(r.text).toContain('下半年共召开支委会６次、党员大会２次');
    expect(r.text).toContain('二、加强学习，筑牢思想根基');
  });

  it('survives a damaged .doc that makes word-extractor exhaust memory (it runs in a capped child)', async () => {
    const damaged = fixture('report-damaged.doc');
    expect(inspectUpload(damaged, limits)).toMatchObject({ ok: true, format: 'doc' });
    await expect(decodeDocument(damaged, 'doc')).rejects.toMatchObject({ code: 'CORRUPT_DOC', status: 422 });
  }, 60000);

  it.each([
    ['report-gb18030.txt', 'gb18030'],
    ['report-utf16le-bom.txt', 'utf-16le'],
    ['report-utf8-bom.txt', 'utf-8-bom'],
  ])('decodes %s (%s) to the same text, without a BOM', async (name, encoding) => {
    const r = await decodeDocument(fixture(name), 'txt');
    expect(r.encoding).toBe(encoding);
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(r.text.replace(/\r\n/g, '\n').trimEnd()).toBe(source);
  });

  it('decodes UTF-16 BE with a BOM', async () => {
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('召开支委会6次', 'utf16le').swap16()]);
    expect((await decodeDocument(be, 'txt')).text).toBe('召开支委会6次');
  });

  it('decodes a Traditional report saved as Big5 (jschardet as the last helper)', async () => {
    const trad = fs.readFileSync(join(root, 'test/fixtures/corpus/dev/school-2-2025H2.trad.txt'), 'utf8').slice(0, 300);
    const r = await decodeDocument(iconv.encode(trad, 'big5'), 'txt');
    expect(r.encoding).toBe('big5');
    expect(r.text).toBe(trad);
  });

  it('decodes GBK text that is mostly ASCII', async () => {
    const gbk = iconv.encode('Report 2025\n召开意识形态工作专题会议4次\n', 'gbk');
    expect((await decodeDocument(gbk, 'txt')).text).toContain('专题会议4次');
  });

  it('refuses a format that the bytes contradict', async () => {
    await expect(decodeDocument(fixture('report-sample.docx'), 'pdf')).rejects.toMatchObject({ status: 415 });
  });

  it('guards the real inflate against an entry that lies about its size', async () => {
    const big = minimalDocx({ '[Content_Types].xml': '<Types/>', 'word/document.xml': new Uint8Array(8 * 1024 * 1024) });
    // rewrite the declared uncompressed size (central directory and local header) to 100 bytes
    const cd = big.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    big.writeUInt32LE(100, cd + 24);
    const local = big.readUInt32LE(cd + 42);
    big.writeUInt32LE(100, local + 22);
    expect(inspectUpload(big, limits).ok).toBe(true); // the directory looks harmless
    await expect(decodeDocument(big, 'docx')).rejects.toMatchObject({ code: 'UNPACKED_TOO_LARGE', status: 413 });
  });

  it('refuses a .docx without any text', async () => {
    const empty = minimalDocx({
      '[Content_Types].xml':
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      '_rels/.rels':
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>',
    });
    await expect(decodeDocument(empty, 'docx')).rejects.toMatchObject({ code: 'EMPTY_TEXT', status: 422 });
  });
});

// pdfjs-dist is ESM-only; jest (CommonJS through SWC) cannot import it without
// --experimental-vm-modules, so PDFs are decoded by this library's own CLI in a child node process,
// running the same TypeScript sources through tsx. See the README.
describe('decodeDocument: PDF (in a child process)', () => {
  const run = promisify(execFile);
  const tsx = join(root, 'node_modules/.bin/tsx');
  const cli = join(__dirname, 'cli.ts');
  async function decodePdfFile(path: string): Promise<{ stdout: string; code: number }> {
    try {
      const { stdout } = await run(tsx, ['--conditions=source', cli, path], { cwd: root, timeout: 60000 });
      return { stdout, code: 0 };
    } catch (e) {
      const err = e as { stdout?: string; code?: number };
      return { stdout: err.stdout ?? '', code: err.code ?? -1 };
    }
  }
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(join(tmpdir(), 'pdf-spec-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('reads Chinese text from a LibreOffice PDF, one line per paragraph, and prints nothing else', async () => {
    const { stdout, code } = await decodePdfFile(join(fixtures, 'report-sample.pdf'));
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as { text: string; pages: number; format: string };
    expect(r.format).toBe('pdf');
    expect(r.pages).toBe(1);
    expect(r.text.split('\n').filter(Boolean)).toEqual(source.split('\n').filter(Boolean));
  }, 60000);

  it('says an encrypted PDF is encrypted', async () => {
    const { stdout, code } = await decodePdfFile(join(fixtures, 'report-encrypted.pdf'));
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toEqual({
      error: { code: 'ENCRYPTED_PDF', status: 422, message: 'PDF 已加密，无法读取，请上传未加密的版本' },
    });
  }, 60000);

  it('reads a PDF with a JavaScript OpenAction as text and never runs it', async () => {
    const { stdout, code } = await decodePdfFile(join(fixtures, 'report-javascript.pdf'));
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { text: string }).text).toBe('意识形态工作情况报告\n召开意识形态工作专题会议2次。');
  }, 60000);

  it('decodes PDFs inside jest too (pdfjs then runs in a child process)', async () => {
    const r = await decodeDocument(fixture('report-sample.pdf'), 'pdf');
    expect(r.pages).toBe(1);
    expect(r.text.split('\n').filter(Boolean)).toEqual(source.split('\n').filter(Boolean));
    await expect(decodeDocument(fixture('report-encrypted.pdf'), 'pdf')).rejects.toMatchObject({ code: 'ENCRYPTED_PDF', status: 422 });
    expect((await decodeDocument(fixture('report-javascript.pdf'), 'pdf')).text).toBe('意识形态工作情况报告\n召开意识形态工作专题会议2次。');
  }, 60000);

  it('explains a corrupt PDF', async () => {
    const broken = join(tmp, 'broken.pdf');
    fs.writeFileSync(broken, Buffer.concat([Buffer.from('%PDF-1.7\n'), noise(3000, 3)]));
    const { stdout, code } = await decodePdfFile(broken);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ error: { code: 'CORRUPT_PDF', status: 422 } });
  }, 60000);
});

describe('htmlToText (mammoth output)', () => {
  it('keeps paragraphs as lines, tabs between cells, and marks automatic numbering by depth', () => {
    const html =
      '<h1>意识形态工作报告</h1><p>一、主要工作</p><ol><li>召开会议2次<ol><li>学习不深入</li><li>宣传不到位</li></ol></li><li>第二项</li></ol>' +
      '<ul><li>要点</li></ul><table><tr><td><p>项目</p></td><td><p>次数</p></td></tr><tr><td>支委会</td><td>6次</td></tr></table><p>A &amp; B &lt;C&gt;</p>';
    expect(htmlToText(html)).toBe('意识形态工作报告\n一、主要工作\n1. 召开会议2次\n(1) 学习不深入\n(2) 宣传不到位\n2. 第二项\n• 要点\n项目\t次数\n支委会\t6次\n\nA & B <C>\n');
  });
});

describe('safeFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\书记\\Desktop\\2025年下半年报告.docx', '2025年下半年报告.docx'],
    ['<img src=x onerror=alert(1)>.docx', 'img src=x onerror=alert(1).docx'],
    ['报告\u0000\u202e.docx', '报告.docx'],
    ['  第一党支部 "意识形态" 报告.doc  ', '第一党支部 意识形态 报告.doc'],
    ['..', '未命名文件'],
    ['', '未命名文件'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('shortens to 200 characters and keeps the extension', () => {
    const long = '意'.repeat(300) + '.docx';
    const safe = safeFileName(long);
    expect(Array.from(safe)).toHaveLength(200);
    expect(safe.endsWith('意.docx')).toBe(true);
  });
});

describe('DocumentError', () => {
  it('carries code, status and retryable', () => {
    const e = new DocumentError('X', '消息', 422, true);
    expect(e).toBeInstanceOf(Error);
    expect([e.code, e.status, e.retryable, e.message]).toEqual(['X', 422, true, '消息']);
    expect(new DocumentError('Y', 'm', 400).retryable).toBe(false);
    expect(DEFAULT_UPLOAD_LIMITS.maxBytes).toBeGreaterThan(0);
  });
});
