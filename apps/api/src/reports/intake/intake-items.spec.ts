import { annotate, type IntakeFile } from './intake-items';

const file = (index: number, fileName: string, sha256: string, unitCode: string | null, extra: Partial<IntakeFile> = {}): IntakeFile => ({
  index,
  fileName,
  bytes: Buffer.alloc(0),
  sha256,
  format: 'txt',
  mime: 'text/plain',
  match: { unitCode, confidence: unitCode ? 1 : 0.2, reason: '…', candidates: unitCode ? [{ unitCode, name: `${unitCode} 党支部`, score: 1 }] : [] },
  ...extra,
});

describe('annotate', () => {
  it('says which files are copies, which share a unit, which add a version, which cannot be taken', () => {
    const items = annotate(
      [file(0, 'a.txt', 'h1', 'u1'), file(1, 'b.txt', 'h1', 'u1'), file(2, 'c.txt', 'h2', 'u2'), file(3, 'd.txt', 'h3', 'u2'), file(4, 'e.txt', 'h4', 'u3'), file(5, 'f.txt', 'h5', null), file(6, 'x.exe', '', null, { sha256: null, format: null, error: '文件是可执行程序' }), file(7, 'g.txt', 'old', 'u1')],
      [{ id: 9, sha256: 'old', version: 1, unitCode: 'u4', unitName: '第四支部' }],
      new Map([['u3', 2]]),
    );
    expect(items.map((i) => i.status)).toEqual(['matched', 'duplicate', 'same_unit', 'same_unit', 'new_version', 'unmatched', 'rejected', 'duplicate']);
    expect(items[1].reason).toContain('与本批「a.txt」内容完全相同');
    expect(items[2].notes[0]).toContain('与本批「d.txt」同为「u2 党支部」');
    expect(items[4].notes[0]).toContain('已上报第 2 版，确认后这份将成为第 3 版');
    expect(items[6].reason).toBe('文件是可执行程序');
    expect(items[7]).toMatchObject({ unitCode: 'u4', unitName: '第四支部', duplicateOfReportId: 9 });
  });
});
