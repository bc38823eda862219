import { FLAG_LABELS, labelOf, UNIT_STATUS_LABELS } from '@thermocline/contracts';
import ExcelJS from 'exceljs';
import { excelText } from '../common/files';
import type { ComparisonDto, GapDto } from './dto/dashboard.dto';


/**
 * The comparison table as an Excel workbook: Chinese headers, the period and metric, each unit's
 * path from the caller's unit, its flags and their reasons (taken from the gap answer, already
 * redacted for the caller). Text cells go through excelText, so nothing a user typed becomes a formula.
 */
export async function comparisonWorkbook(
  data: ComparisonDto,
  gap: GapDto,
  exportedAt: Date,
  timeZone: string,
  levelName: (level: number) => string = String,
  periodName: string = data.period,
): Promise<{ bytes: Buffer; fileName: string }> {
  const byCode = new Map(gap.units.map((u) => [u.code, u]));
  const pathOf = (code: string): string => {
    const names: string[] = [];
    for (let c: string | null | undefined = code; c; c = byCode.get(c)?.parentCode) names.unshift(byCode.get(c)?.name ?? c);
    return names.join(' / ');
  };
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thermocline';
  const ws = wb.addWorksheet('单位对比');
  ws.addRow([`意识形态工作落实情况单位对比 · ${excelText(periodName)}`]).font = { bold: true, size: 14 };
  ws.addRow([`指标：${data.metricName}（${data.normalize === 'per100' ? '每百名党员' : '原始数'}）`, '', '', `导出时间：${exportedAt.toLocaleString('zh-CN', { timeZone })}`]);
  ws.addRow([]);
  const header = ws.addRow(['排名', '单位', '单位路径', '层级', '党员数', excelText(data.metricName), '温度', '报送状态', '标记', '原因']);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  for (const u of data.units) {
    const flags = byCode.get(u.code)?.flags ?? [];
    const row = [
      u.rank ?? '—',
      u.name,
      pathOf(u.code),
      levelName(u.level),
      u.memberCount,
      u.value ?? '—',
      u.temperature ?? '—',
      labelOf(UNIT_STATUS_LABELS, u.status, 'zh'), // the screen's words (libs/contracts)
      flags.map((f) => labelOf(FLAG_LABELS, f.code, 'zh')).join('、'),
      flags.map((f) => f.reason).join('；'),
    ];
    ws.addRow(row.map((v) => (typeof v === 'string' ? excelText(v) : v)));
  }
  ws.columns = [{ width: 6 }, { width: 28 }, { width: 48 }, { width: 12 }, { width: 8 }, { width: 12 }, { width: 8 }, { width: 10 }, { width: 20 }, { width: 80 }];
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: 10 } };
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `单位对比-${periodName}-${data.metricName}.xlsx` };
}
