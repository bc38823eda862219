import ExcelJS from 'exceljs';
import { excelText } from '../common/files';
import type { AssessmentDto } from './dto/assessment.dto';

/**
 * 考核评分表 as committees lay it out: 序号, 单位, one column per item under its section (the
 * header says the points), 合计, 名次 — units in rank order. Text cells go through excelText.
 */
export async function assessmentWorkbook(data: AssessmentDto, exportedAt: Date, timeZone: string): Promise<{ bytes: Buffer; fileName: string }> {
  const items = data.sections.flatMap((s) => s.items);
  const width = items.length + 4;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thermocline';
  const ws = wb.addWorksheet('考核评分表');
  ws.addRow([`${excelText(data.title)}评分表 · ${excelText(data.periodName || data.period)}`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, width);
  ws.addRow([`总分 ${data.totalPoints} 分 · 细则第 ${data.rulesVersion} 版${data.rulesPinned ? '（期次已关闭）' : '（初评稿）'} · 导出时间：${exportedAt.toLocaleString('zh-CN', { timeZone })}`]);
  ws.mergeCells(2, 1, 2, width);
  // Two header rows: sections merged over their items, then each item with its points.
  const sectionRow = ws.addRow(['序号', '单位', ...data.sections.flatMap((s) => s.items.map(() => excelText(s.title))), '合计', '名次']);
  const itemRow = ws.addRow(['', '', ...items.map((i) => `${excelText(i.title)}（${i.points}分）`), `（${data.totalPoints}分）`, '']);
  let col = 3;
  for (const s of data.sections) {
    if (s.items.length > 1) ws.mergeCells(3, col, 3, col + s.items.length - 1);
    col += s.items.length;
  }
  for (const c of [1, 2, width - 1, width]) ws.mergeCells(3, c, 4, c);
  for (const r of [sectionRow, itemRow]) {
    r.font = { bold: true };
    r.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    r.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  }
  itemRow.height = 60;
  const ranked = [...data.units].sort((a, b) => a.rank - b.rank || a.level - b.level || (a.code < b.code ? -1 : 1));
  ranked.forEach((u, i) => {
    const score = new Map(u.items.map((it) => [it.id, it.score]));
    ws.addRow([i + 1, excelText(u.name), ...items.map((it) => score.get(it.id) ?? ''), u.total, u.rank]);
  });
  ws.columns = [{ width: 6 }, { width: 28 }, ...items.map(() => ({ width: 12 })), { width: 8 }, { width: 6 }];
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 4 }];
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `考核评分表-${data.periodName || data.period}.xlsx` };
}
