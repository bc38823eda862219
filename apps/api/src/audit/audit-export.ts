import ExcelJS from 'exceljs';
import { excelText } from '../common/files';
import type { AuditEntryDto } from './dto/audit.dto';

/** At most this many entries in one export: narrow the filters for more (the sheet says so). */
export const AUDIT_EXPORT_MAX = 10_000;

/** The filtered audit log as an Excel sheet, in the reporting zone's time, every user text made inert. */
export async function auditWorkbook(entries: readonly AuditEntryDto[], formatTime: (d: Date) => string, truncated: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thermocline';
  const ws = wb.addWorksheet('审计日志');
  ws.addRow([`审计日志 · 导出时间 ${formatTime(new Date())}${truncated ? ` · 仅含最近 ${AUDIT_EXPORT_MAX} 条，请缩小时间范围后分批导出` : ''}`]).font = { bold: true };
  const header = ws.addRow(['时间', '操作人', '操作', '对象', '详情', '操作代码', '请求编号']);
  header.font = { bold: true };
  for (const e of entries) ws.addRow([formatTime(new Date(e.at)), excelText(e.actor), e.actionLabel, excelText(e.target), excelText(e.summary), e.action, e.requestId ?? '']);
  ws.columns = [{ width: 18 }, { width: 14 }, { width: 16 }, { width: 36 }, { width: 80 }, { width: 22 }, { width: 30 }];
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
