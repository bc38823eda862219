// What a 通报 says, as plain data: the service fills it from the dashboard's figures, the builder
// (bulletin-docx.ts) lays it out. An assessment (考核) section is an optional input so the scores of
// another module can be added without touching either side.

export interface BulletinUnitRow {
  name: string;
  level: string;
  status: string;
  temperature: number | null;
  flags: string;
}

export interface BulletinGood {
  unitName: string;
  temperature: number;
  /** "集中学习 8 次" … */
  figures: string[];
  /** The report's own sentences the figures come from. */
  sentences: string[];
}

export interface BulletinIssue {
  unitName: string;
  reason: string;
}

export interface BulletinAssessment {
  title?: string;
  /** One line on how the scores were made. */
  note?: string;
  rows: { unitName: string; score: number; grade?: string; remark?: string }[];
}

export interface BulletinInput {
  /** The issuing body: the caller's unit (局党组). */
  issuer: string;
  periodCode: string;
  periodName: string;
  /** 'YYYY年M月D日' */
  issuedOn: string;
  overview: string[];
  good: BulletinGood[];
  /** Grouped as the 通报 names them: 温度偏低, 未按时报送, 疑似雷同, 模板未填, 计划照抄. */
  issues: { heading: string; items: BulletinIssue[] }[];
  common: { label: string; count: number; units: string[] }[];
  requirements: string[];
  appendix: BulletinUnitRow[];
  assessment?: BulletinAssessment;
}
