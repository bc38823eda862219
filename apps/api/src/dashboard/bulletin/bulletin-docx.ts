// The 通报 as an editable Word document, in the usual form of a party document: 方正小标宋/黑体 title,
// 黑体 first-level headings, 楷体 second-level, 仿宋 body at 三号 (16 pt) with a two-character indent,
// A4 with 3.7/3.5/2.8/2.6 cm margins (GB/T 9704), an appendix table per unit.
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { BulletinInput } from './bulletin-model';

const CM = 567; // twips per centimetre
const FANGSONG = '仿宋_GB2312';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';
const TITLE_FONT = '方正小标宋简体';
const BODY = 32; // half-points: 三号 16 pt
const SMALL = 24; // 小四 12 pt (the appendix table)

const run = (text: string, font = FANGSONG, size = BODY, bold = false) => new TextRun({ text, font: { name: font, eastAsia: font }, size, bold });
const body = (text: string) => new Paragraph({ children: [run(text)], indent: { firstLine: 2 * 16 * 20 }, spacing: { line: 560, lineRule: 'exact' } });
const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(text, HEITI)], indent: { firstLine: 2 * 16 * 20 }, spacing: { line: 560, lineRule: 'exact' } });
const subheading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(text, KAITI)], indent: { firstLine: 2 * 16 * 20 }, spacing: { line: 560, lineRule: 'exact' } });

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function cell(text: string, header = false): TableCell {
  return new TableCell({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(text, header ? HEITI : FANGSONG, SMALL)] })] });
}

function table(header: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) }))],
  });
}

export function bulletinTitle(input: Pick<BulletinInput, 'periodName'>): string {
  return `关于${input.periodName}意识形态工作责任制落实情况的通报`;
}

export async function buildBulletinDocx(input: BulletinInput): Promise<Buffer> {
  const sections: (Paragraph | Table)[] = [];
  let n = 0;
  const section = (title: string) => sections.push(heading(`${CN[n++]}、${title}`));

  sections.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 560 }, children: [run(bulletinTitle(input), TITLE_FONT, 44)] }));
  sections.push(new Paragraph({ children: [run('各基层党组织：')], spacing: { line: 560, lineRule: 'exact' } }));
  sections.push(body(`为压实意识形态工作责任制，${input.issuer}对${input.periodName}各单位意识形态工作责任制落实情况报告进行了汇总分析。现将有关情况通报如下。`));

  section('总体情况');
  for (const p of input.overview) sections.push(body(p));

  section('好的做法');
  if (!input.good.length) sections.push(body('本期暂无可推荐的做法。'));
  input.good.forEach((g, i) => {
    sections.push(subheading(`（${CN[i]}）${g.unitName}（温度 ${g.temperature}）`));
    if (g.figures.length) sections.push(body(`${g.figures.join('，')}。`));
    for (const s of g.sentences) sections.push(body(`报告原文：“${s}”`));
  });

  section('存在的问题');
  const issues = input.issues.filter((x) => x.items.length);
  if (!issues.length) sections.push(body('本期未发现需要通报的问题。'));
  issues.forEach((x, i) => {
    sections.push(subheading(`（${CN[i]}）${x.heading}`));
    for (const it of x.items) sections.push(body(`${it.unitName}：${it.reason}。`));
  });

  section('共性问题');
  if (!input.common.length) sections.push(body('本期各单位报告的问题较为分散，未形成共性问题。'));
  input.common.forEach((c, i) => sections.push(body(`${i + 1}. ${c.label}（${c.count} 个单位：${c.units.join('、')}）。`)));

  if (input.assessment?.rows.length) {
    section(input.assessment.title ?? '考核情况');
    if (input.assessment.note) sections.push(body(input.assessment.note));
    sections.push(table(['单位', '得分', '等次', '说明'], input.assessment.rows.map((r) => [r.unitName, String(r.score), r.grade ?? '', r.remark ?? ''])));
  }

  section('下一步工作要求');
  input.requirements.forEach((r, i) => sections.push(body(`${i + 1}. ${r}`)));

  sections.push(new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 560 }, children: [run(input.issuer)] }));
  sections.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(input.issuedOn)] }));

  sections.push(new Paragraph({ children: [new PageBreak()] }));
  sections.push(new Paragraph({ children: [run('附件', HEITI)] }));
  sections.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 280 }, children: [run(`${input.periodName}各单位报送情况一览`, TITLE_FONT, 36)] }));
  sections.push(table(['单位', '层级', '报送', '温度', '提示'], input.appendix.map((u) => [u.name, u.level, u.status, u.temperature === null ? '—' : String(u.temperature), u.flags || '—'])));

  const doc = new Document({
    creator: 'Thermocline',
    title: bulletinTitle(input),
    styles: { default: { document: { run: { font: { name: FANGSONG, eastAsia: FANGSONG }, size: BODY } } } },
    sections: [{ properties: { page: { size: { width: Math.round(21 * CM), height: Math.round(29.7 * CM) }, margin: { top: Math.round(3.7 * CM), bottom: Math.round(3.5 * CM), left: Math.round(2.8 * CM), right: Math.round(2.6 * CM) } } }, children: sections }],
  });
  return Packer.toBuffer(doc);
}
