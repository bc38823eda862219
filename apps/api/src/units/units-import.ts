import { BadRequestException, HttpException } from '@nestjs/common';
import { checkZipLimits, DocumentError, type UploadLimits } from '@thermocline/documents';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import * as iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { excelText, fromExcelText } from '../common/files';
import type { ImportRow } from './unit-tree';

/** Header names accepted for each column (English per api.md, and the Chinese a bureau would write). */
const HEADERS: Record<keyof Required<Omit<ImportRow, 'row'>>, string[]> = {
  code: ['code', '单位代码', '单位编码', '代码', '编码', '组织编码', '组织代码'],
  name: ['name', '单位名称', '名称', '组织名称'],
  parentCode: ['parentcode', 'parent_code', 'parent', '上级代码', '上级编码', '上级单位代码', '上级单位编码', '上级'],
  memberCount: ['membercount', 'member_count', 'members', '党员数', '党员人数'],
  activeFrom: ['activefrom', 'active_from', '启用日期', '成立日期'],
};

export const MAX_ROWS = 20_000;
const TOO_MANY_ROWS = (max: number) => `一次最多导入 ${max} 行，请拆分文件`;

function columnIndex(header: string[]): Record<keyof Required<Omit<ImportRow, 'row'>>, number> {
  const norm = header.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ''));
  const find = (names: string[]) => norm.findIndex((h) => names.includes(h));
  const idx = { code: find(HEADERS.code), name: find(HEADERS.name), parentCode: find(HEADERS.parentCode), memberCount: find(HEADERS.memberCount), activeFrom: find(HEADERS.activeFrom) };
  const missing = (Object.keys(idx) as (keyof typeof idx)[]).filter((k) => idx[k] < 0 && k !== 'memberCount' && k !== 'activeFrom');
  if (missing.length) {
    throw new BadRequestException(`第 1 行须是表头，缺少列：${missing.map((k) => `${k}（${HEADERS[k][1]}）`).join('、')}`);
  }
  return idx;
}

function toRows(table: string[][], maxRows = MAX_ROWS): ImportRow[] {
  if (!table.length) throw new BadRequestException('文件是空的：第 1 行应为表头 单位代码,单位名称,上级代码,党员数（或 code,name,parentCode,memberCount）');
  const idx = columnIndex(table[0]);
  const rows: ImportRow[] = [];
  for (let i = 1; i < table.length; i++) {
    const cells = table[i];
    if (cells.every((c) => String(c ?? '').trim() === '')) continue;
    const cell = (j: number) => (j < 0 ? '' : fromExcelText(String(cells[j] ?? '').trim()));
    rows.push({ row: i + 1, code: cell(idx.code), name: cell(idx.name), parentCode: cell(idx.parentCode), memberCount: cell(idx.memberCount), activeFrom: cell(idx.activeFrom) });
  }
  if (!rows.length) throw new BadRequestException('文件只有表头，没有数据行');
  if (rows.length > maxRows) throw new BadRequestException(TOO_MANY_ROWS(maxRows));
  return rows;
}

/** Text of a CSV upload: UTF-8 (with or without BOM) or, as Excel in China saves it, GB18030. */
function decodeCsv(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8');
  const utf8 = bytes.toString('utf8');
  if (!utf8.includes('\uFFFD')) return utf8;
  const gb = iconv.decode(bytes, 'gb18030');
  // Neither UTF-8 nor GB18030: importing it would store U+FFFD (or worse) as unit names.
  if (gb.includes('\uFFFD')) throw new BadRequestException('无法识别文件的文字编码：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新导入');
  return gb;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result === undefined || v.result === null ? '' : String(v.result as unknown);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return '';
  }
  return String(v);
}

/**
 * The first worksheet of an .xlsx, read as a stream row by row: it stops at the first row past
 * `maxRows` data rows (plus the header), so a 200,000-row file costs what 20,001 rows cost instead
 * of being loaded whole (7.7 s and 1.1 GB before the row check, issue 13 finding 5). `read` is how
 * many rows were read.
 */
export async function readXlsxTable(bytes: Buffer, maxRows: number): Promise<{ table: string[][]; read: number; tooMany: boolean }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  // ExcelJS 4.4 reads `model.sheets` when a worksheet comes before xl/workbook.xml in the zip (as in
  // ExcelJS's own many-sheet files) and crashes with no model yet; an empty one until it is read.
  Object.assign(reader, { model: { sheets: [] } });
  const table: string[][] = [];
  let read = 0;
  let tooMany = false;
  let sheets = 0;
  for await (const sheet of reader) {
    sheets++;
    for await (const row of sheet) {
      read++;
      // Row numbers, not only rows read: a lone cell at row 1,000,000 is as much as the limit allows.
      if (read > maxRows + 1 || row.number > maxRows + 1) {
        tooMany = true;
        break;
      }
      table[row.number - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    }
    break; // the first worksheet only
  }
  if (!sheets) throw new BadRequestException('Excel 文件中没有工作表');
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return { table, read, tooMany };
}

/**
 * Parses an uploaded unit list (.xlsx by its zip signature, otherwise CSV) into rows. An .xlsx must
 * keep within the report uploads' zip limits (entries, unpacked size) before it is opened.
 */
export async function parseUnitFile(bytes: Buffer, limits: UploadLimits, maxRows = MAX_ROWS): Promise<ImportRow[]> {
  if (!bytes.length) throw new BadRequestException('文件是空的');
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) {
    try {
      checkZipLimits(bytes, limits);
    } catch (e) {
      if (e instanceof DocumentError && e.code === 'UNPACKED_TOO_LARGE') {
        throw new HttpException({ message: '文件解压后过大或包含的部件过多，不像正常的单位表。请在 Excel 或 WPS 中另存为新的 .xlsx（或 .csv）后再导入', code: e.code }, e.status);
      }
      throw new BadRequestException('无法读取这个 Excel 文件：请另存为 .xlsx（Excel 工作簿）或 .csv 后重试');
    }
    let sheet: Awaited<ReturnType<typeof readXlsxTable>>;
    try {
      sheet = await readXlsxTable(bytes, maxRows);
    } catch (e) {
      if (e instanceof HttpException) throw e;
      throw new BadRequestException('无法读取这个 Excel 文件：请另存为 .xlsx（Excel 工作簿）或 .csv 后重试');
    }
    if (sheet.tooMany) throw new BadRequestException(TOO_MANY_ROWS(maxRows));
    return toRows(sheet.table, maxRows);
  }
  if (bytes.subarray(0, 8).includes(0)) throw new BadRequestException('文件不是 .xlsx 或 .csv：请用 Excel 另存为其中一种格式');
  let table: string[][];
  try {
    // One record past the limit is enough to refuse: stop parsing there.
    table = parse(decodeCsv(bytes), { relax_column_count: true, skip_empty_lines: false, bom: true, trim: true, to: maxRows + 2 }) as string[][];
  } catch (e) {
    throw new BadRequestException(`CSV 格式有误：${e instanceof Error ? e.message.split('\n')[0] : ''}`);
  }
  if (table.length > maxRows + 1) throw new BadRequestException(TOO_MANY_ROWS(maxRows));
  return toRows(table, maxRows);
}

/**
 * At most `max` imports at once in this process: parsing and planning are CPU- and memory-bound,
 * and four 200,000-row files in parallel made /api/health time out for half a minute.
 */
export class ImportGate {
  private active = 0;
  constructor(readonly max: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) {
      throw new HttpException(`已有 ${this.max} 个单位导入正在进行，请等几秒后再试`, 429);
    }
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
    }
  }
}

/**
 * An .xlsx of units with the headers the screen shows (the import reads them back, and the English
 * ones). As the import template it holds one example row: the importer's own unit.
 */
export async function unitsWorkbook(units: { code: string; name: string; parentCode: string | null; memberCount: number; level: number; activeFrom?: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thermocline';
  const ws = wb.addWorksheet('单位');
  ws.columns = [
    { header: '单位代码', key: 'code', width: 20 },
    { header: '单位名称', key: 'name', width: 36 },
    { header: '上级代码', key: 'parentCode', width: 20 },
    { header: '党员数', key: 'memberCount', width: 10 },
    { header: '启用日期', key: 'activeFrom', width: 14 },
    { header: '层级（仅供参考，导入时忽略）', key: 'level', width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const u of units) ws.addRow({ ...u, code: excelText(u.code), name: excelText(u.name), parentCode: excelText(u.parentCode ?? '') });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
