import { strToU8, zipSync } from 'fflate';
import * as iconv from 'iconv-lite';
import { isPlainZip, unpackArchive } from './archive';
import { DEFAULT_UPLOAD_LIMITS } from './errors';

/** A zip as Windows writes it: names in GBK, flag 0x800 clear (ASCII placeholders patched in place). */
function windowsZip(files: Record<string, string>): Buffer {
  const placeholders: [Buffer, Buffer][] = [];
  const input: Record<string, Uint8Array> = {};
  Object.entries(files).forEach(([name, text], i) => {
    const gbk = iconv.encode(name, 'gbk');
    const ph = Buffer.from(`${String(i).padStart(2, '0')}${'x'.repeat(gbk.length - 2)}`);
    placeholders.push([ph, gbk]);
    input[ph.toString()] = strToU8(text);
  });
  const zip = Buffer.from(zipSync(input));
  for (const [ph, gbk] of placeholders) {
    for (let at = zip.indexOf(ph); at >= 0; at = zip.indexOf(ph, at + 1)) gbk.copy(zip, at);
  }
  return zip;
}

describe('unpackArchive', () => {
  it('decodes GBK names of an unflagged (Windows) zip and skips folders and macOS forks', () => {
    const zip = windowsZip({ '附件1.txt': '报告一', '新建文档.txt': '报告二' });
    expect(isPlainZip(zip)).toBe(true);
    const files = unpackArchive(zip, DEFAULT_UPLOAD_LIMITS);
    expect(files.map((f) => [f.name, f.bytes.toString()])).toEqual([
      ['附件1.txt', '报告一'],
      ['新建文档.txt', '报告二'],
    ]);
  });

  it('keeps UTF-8 names and drops noise', () => {
    const zip = Buffer.from(zipSync({ '报告/': new Uint8Array(0), '报告/一中.txt': strToU8('一'), '__MACOSX/._一中.txt': strToU8('x'), '.DS_Store': strToU8('x') }));
    expect(unpackArchive(zip, DEFAULT_UPLOAD_LIMITS).map((f) => f.name)).toEqual(['报告/一中.txt']);
  });

  it('refuses a zip that unpacks past the limit, in words about the archive', () => {
    const zip = Buffer.from(zipSync({ 'a.txt': new Uint8Array(300_000) }));
    expect(() => unpackArchive(zip, { ...DEFAULT_UPLOAD_LIMITS, maxUnpackedBytes: 100_000 })).toThrow(/压缩包解开后过大/);
    expect(() => unpackArchive(zip.subarray(0, zip.length - 30), DEFAULT_UPLOAD_LIMITS)).toThrow(/压缩包不完整或已损坏/);
  });

  it('does not take a .docx for an archive', () => {
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }));
    expect(isPlainZip(docx)).toBe(false);
  });
});
