import { matchReportToUnit, nameSimilarity, parseName, type IntakeUnit } from './unit-match';

const UNITS: IntakeUnit[] = [
  { code: 'bureau', name: '市交通运输局党委', parentCode: null },
  { code: 'road', name: '市公路事业发展中心党委', parentCode: 'bureau' },
  { code: 'road-1', name: '市公路事业发展中心第一党支部', parentCode: 'road' },
  { code: 'road-2', name: '市公路事业发展中心机关党支部', parentCode: 'road' },
  { code: 'port', name: '市港航管理中心党总支', parentCode: 'bureau' },
  { code: 'school-1', name: '一中党总支', parentCode: 'bureau' },
  { code: 'school-1-b1', name: '一中第一支部', parentCode: 'school-1' },
];

const report = (title: string, addressee: string, signature: string) =>
  `${title}\n${addressee}\n    今年以来，我们认真落实意识形态工作责任制。\n    一、主要做法\n    开展集中学习6次。\n\n${signature}\n2026年7月5日`;

describe('parseName', () => {
  it('drops 中共, 某市 and a leading 市, and reads the kind of organisation', () => {
    expect(parseName('中共某市公路事业发展中心总支部委员会')).toEqual({ body: '公路事业发展中心', kind: '党总支' });
    expect(parseName('市公路事业发展中心党委')).toEqual({ body: '公路事业发展中心', kind: '党委' });
    expect(parseName('市场监管局党组')).toEqual({ body: '市场监管局', kind: '党组' });
  });
});

describe('nameSimilarity', () => {
  it('takes an abbreviation for the full name, and the kind of organisation as a tie-break', () => {
    expect(nameSimilarity('公路中心党委', '市公路事业发展中心党委').score).toBeGreaterThan(0.8);
    expect(nameSimilarity('公路中心党委', '市港航管理中心党总支').score).toBeLessThan(0.5);
    expect(nameSimilarity('一中第一支部', '一中第一支部').score).toBe(1);
    expect(nameSimilarity('一中第一支部', '一中党总支').score).toBeLessThan(0.7);
  });
  it('folds Traditional characters', () => {
    expect(nameSimilarity('市港航管理中心黨總支', '市港航管理中心党总支')).toMatchObject({ score: 1, how: 'exact' });
  });
});

describe('matchReportToUnit', () => {
  it('matches by the signature even when the file name says nothing', () => {
    const m = matchReportToUnit(report('关于2026年上半年意识形态工作责任制落实情况的报告', '中心党委：', '中共某市公路事业发展中心第一支部委员会'), '附件1.docx', UNITS);
    expect(m.unitCode).toBe('road-1');
    expect(m.reason).toMatch(/落款/);
    expect(m.reason).toMatch(/主送「中心党委」是其上级/);
  });

  it('matches by an abbreviated title line', () => {
    const m = matchReportToUnit(report('公路中心机关党支部2026年上半年意识形态工作情况报告', '中心党委：', '机关党支部'), '新建文档.doc', UNITS);
    expect(m.unitCode).toBe('road-2');
    expect(m.reason).toMatch(/标题「公路中心机关党支部」为其简称/);
  });

  it('reads a report in Traditional characters', () => {
    const m = matchReportToUnit(report('港航管理中心黨總支2026年上半年意識形態工作報告', '交通運輸局黨委：', '中共某市港航管理中心總支部委員會'), '報告(2).pdf', UNITS);
    expect(m.unitCode).toBe('port');
  });

  it('uses the file name when the document names nobody', () => {
    const m = matchReportToUnit('关于上半年意识形态工作的报告\n    学习3次。', '一中第一支部-报告.txt', UNITS);
    expect(m.unitCode).toBe('school-1-b1');
    expect(m.reason).toMatch(/文件名/);
  });

  it('proposes nobody for a unit outside the list, and says so', () => {
    const m = matchReportToUnit(report('市气象局党组2026年上半年意识形态工作报告', '市委宣传部：', '中共某市气象局党组'), '附件3.docx', UNITS);
    expect(m.unitCode).toBeNull();
    expect(m.reason).toMatch(/管辖范围内的单位都不相符/);
  });

  it('does not guess between two equally good units', () => {
    const m = matchReportToUnit('关于2026年上半年工作的报告\n正文。\n公路中心党支部\n2026年7月1日', 'x.docx', UNITS);
    expect(m.unitCode).toBeNull();
    expect(m.candidates.slice(0, 2).map((c) => c.unitCode).sort()).toEqual(['road-1', 'road-2']);
  });
});
