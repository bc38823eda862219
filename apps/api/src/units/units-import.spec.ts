import { HttpException } from '@nestjs/common';
import { DEFAULT_UPLOAD_LIMITS } from '@thermocline/documents';
import ExcelJS from 'exceljs';
import { ImportGate, parseUnitFile, readXlsxTable } from './units-import';

async function xlsx(rows: number, lastRowAt?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('单位');
  ws.addRow(['code', 'name', 'parentCode', 'memberCount']);
  for (let i = 0; i < rows; i++) ws.addRow([`u-${i}`, `单位${i}`, 'bureau', 10]);
  if (lastRowAt) ws.getRow(lastRowAt).getCell(1).value = 'far';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const status = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof HttpException ? [e.getStatus(), String((e.getResponse() as { message?: string }).message ?? e.message)] : String(e);
  }
};

describe('unit import limits (issue 13, finding 5)', () => {
  it('reads an .xlsx as a stream and stops one row past the limit', async () => {
    const big = await xlsx(3000);
    const r = await readXlsxTable(big, 100);
    expect(r).toMatchObject({ tooMany: true, read: 102 });
    expect(r.table.length).toBeLessThanOrEqual(101);
    expect(await status(parseUnitFile(big, DEFAULT_UPLOAD_LIMITS, 100))).toEqual([400, '一次最多导入 100 行，请拆分文件']);
  });

  it('counts row numbers, not only rows: one cell far down is over the limit without filling the gap', async () => {
    const r = await readXlsxTable(await xlsx(5, 1_000_000), 100);
    expect(r.tooMany).toBe(true);
    expect(r.table.length).toBeLessThanOrEqual(101);
  });

  it('parses a file within the limit', async () => {
    const rows = await parseUnitFile(await xlsx(50), DEFAULT_UPLOAD_LIMITS, 100);
    expect(rows).toHaveLength(50);
    expect(rows[0]).toEqual({ row: 2, code: 'u-0', name: '单位0', parentCode: 'bureau', memberCount: '10', activeFrom: '' });
  });

  it('applies the uploads’ zip limits (entries, unpacked size) before opening an .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    for (let i = 0; i < 30; i++) wb.addWorksheet(`s${i}`).addRow(['code', 'name', 'parentCode']);
    const many = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await status(parseUnitFile(many, { ...DEFAULT_UPLOAD_LIMITS, maxEntries: 20 }))).toEqual([413, expect.stringMatching(/解压后过大或包含的部件过多，不像正常的单位表/)]);
    const rows = await xlsx(3000);
    expect(await status(parseUnitFile(rows, { ...DEFAULT_UPLOAD_LIMITS, maxUnpackedBytes: rows.length }))).toEqual([413, expect.stringMatching(/解压后过大/)]);
  });

  it('stops a CSV at the limit too', async () => {
    const csv = Buffer.from(['code,name,parentCode,memberCount', ...Array.from({ length: 500 }, (_, i) => `c${i},单位${i},bureau,1`)].join('\n'));
    expect(await status(parseUnitFile(csv, DEFAULT_UPLOAD_LIMITS, 100))).toEqual([400, '一次最多导入 100 行，请拆分文件']);
    expect(await parseUnitFile(csv, DEFAULT_UPLOAD_LIMITS, 500)).toHaveLength(500);
  });

  it('lets two imports run at once and tells a third to retry', async () => {
    const gate = new ImportGate(2);
    let release = () => undefined as void;
    const held = new Promise<void>((r) => (release = r));
    const a = gate.run(() => held);
    const b = gate.run(() => held);
    expect(await status(gate.run(async () => 'third'))).toEqual([429, '已有 2 个单位导入正在进行，请等几秒后再试']);
    release();
    await Promise.all([a, b]);
    expect(await gate.run(async () => 'after')).toBe('after');
  });
});
