import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { FLAG_LABELS, labelOf, levelName, UNIT_STATUS_LABELS } from '@thermocline/contracts';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth-user';
import { DashboardService } from '../dashboard.service';
import type { GapDto } from '../dto/dashboard.dto';
import { InsightsService } from '../insights.service';
import { buildBulletinDocx, bulletinTitle } from './bulletin-docx';
import type { BulletinAssessment, BulletinInput } from './bulletin-model';

/** How many of the warmest units the 通报 commends. */
const GOOD_COUNT = 3;

/** The 下一步工作要求 each kind of problem calls for, in the order they are listed. */
const REQUIREMENTS: [string, string][] = [
  ['cold', '温度偏低的单位要对照先进单位的做法，逐项查找学习教育、宣传阵地、网络管理等方面的差距，下期报告中写明整改措施和完成数字。'],
  ['missing_report', '未报送的单位要立即补报，并说明未按时报送的原因。'],
  ['late_report', '逾期报送的单位要明确专人负责，今后按时报送。'],
  ['near_duplicate', '疑似雷同的单位要据实撰写报告，不得照搬照抄他人或往期材料。'],
  ['unfilled_template', '模板未填的单位要把占位符换成实际开展的次数和人数，重新报送。'],
  ['repeated_plans', '下步打算与上期雷同的单位要结合本期实际重新谋划，提出可检验的目标。'],
  ['low_specificity', '内容空泛的单位要用具体的次数、人数和事例说明工作成效。'],
];

/** Gathers a 通报 from the dashboard's figures (gap answer, problems, report sentences) and lays it out. */
@Injectable()
export class BulletinService {
  constructor(
    private readonly db: DataSource,
    private readonly dashboard: DashboardService,
    private readonly insights: InsightsService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async docx(user: AuthUser, periodCode: string, assessment?: BulletinAssessment): Promise<{ bytes: Buffer; fileName: string }> {
    const input = await this.input(user, periodCode, assessment);
    return { bytes: await buildBulletinDocx(input), fileName: `${bulletinTitle(input)}.docx` };
  }

  async input(user: AuthUser, periodCode: string, assessment?: BulletinAssessment): Promise<BulletinInput> {
    const period = await this.dashboard.period(periodCode);
    const gap = JSON.parse(await this.dashboard.gapJson(user, period)) as GapDto;
    const problems = await this.insights.problems(user, periodCode);
    const issuer = ((await this.db.query('SELECT name FROM units WHERE id = ?', [user.unitId])) as { name: string }[])[0]?.name ?? '';
    const units = gap.units.filter((u) => u.code !== user.unitCode || u.status === 'reported');
    const o = gap.overview;
    const pct = (x: number) => `${Math.round(x * 100)}%`;

    const overview = [
      `本期应报送 ${o.expected} 个单位，已报送 ${o.received} 个，其中按时报送 ${o.onTime} 个、逾期 ${o.late} 个；未报送 ${o.missing} 个${o.notDue ? `，尚未到截止日期 ${o.notDue} 个` : ''}${o.onTimeRate === null ? '' : `；按时报送率 ${pct(o.onTimeRate)}`}。温度偏低的单位 ${o.coldCount} 个。`,
    ];
    const levels = gap.levels.filter((l) => l.medianTemperature !== null);
    if (levels.length) {
      overview.push(`各层级温度中位数：${levels.map((l) => `${levelName(l.level, 'zh')} ${l.medianTemperature}（${l.unitCount} 个单位）`).join('，')}。`);
      const steps = levels.filter((l) => l.attenuation !== null).map((l) => `${levelName(l.level, 'zh')}为上一层级的 ${pct(l.attenuation!)}`);
      const loss = gap.lossLevel === null ? null : levelName(gap.lossLevel, 'zh');
      overview.push(
        (steps.length ? `逐级看，${steps.join('，')}。` : '') +
          (gap.gapDetected && loss ? `热度在${loss}明显衰减，存在“上热下冷”现象（落差指数 ${gap.gapIndex}）。` : '各层级之间未见明显衰减。'),
      );
    }

    const flagged = (code: string) => units.flatMap((u) => u.flags.filter((f) => f.code === code).map((f) => ({ unitName: u.name, reason: f.reason })));
    const issues = [
      { heading: '温度偏低', items: flagged('cold') },
      { heading: '未按时报送', items: [...flagged('missing_report'), ...flagged('late_report')] },
      { heading: '疑似雷同', items: flagged('near_duplicate') },
      { heading: '模板未填', items: flagged('unfilled_template') },
      { heading: '下步打算照抄上期', items: flagged('repeated_plans') },
      { heading: '内容空泛', items: flagged('low_specificity') },
    ];
    const present = new Set(units.flatMap((u) => u.flags.map((f) => f.code as string)));
    const requirements = [...REQUIREMENTS.filter(([code]) => present.has(code)).map(([, text]) => text), '各单位要把意识形态工作责任制落实情况纳入党组织书记抓基层党建述职内容，下期报告如实反映工作数字和具体事例。'];

    const warm = units
      .filter((u) => u.status === 'reported' && u.temperature !== null && u.reportId && !u.flags.some((f) => f.code === 'cold' || f.code === 'near_duplicate'))
      .sort((a, b) => b.temperature! - a.temperature!)
      .slice(0, GOOD_COUNT);
    const good = [];
    for (const u of warm) {
      const ms = (await this.db.query(
        `SELECT COALESCE(d.name, m.metric_key) AS name, m.value, m.unit_word AS unitWord, m.evidence_text AS sentence
           FROM mentions m LEFT JOIN metric_definitions d ON d.key = m.metric_key
          WHERE m.report_id = ? AND m.state <> 'rejected' AND m.subset = 0 AND m.metric_key IS NOT NULL
          ORDER BY m.value DESC, m.evidence_start LIMIT 4`,
        [u.reportId],
      )) as { name: string; value: number; unitWord: string; sentence: string }[];
      good.push({
        unitName: u.name,
        temperature: u.temperature!,
        figures: ms.map((m) => `${m.name} ${Number(m.value)}${m.unitWord}`),
        sentences: [...new Set(ms.map((m) => m.sentence))].slice(0, 2),
      });
    }

    return {
      issuer,
      periodCode: period.code,
      periodName: period.name || period.code,
      issuedOn: this.today(),
      overview,
      good,
      issues,
      common: problems.clusters.filter((c) => c.count >= 2).slice(0, 8).map((c) => ({ label: c.label, count: c.count, units: c.units.map((x) => x.name) })),
      requirements,
      appendix: units.map((u) => ({
        name: u.name,
        level: levelName(u.level, 'zh'),
        status: labelOf(UNIT_STATUS_LABELS, u.status, 'zh'),
        temperature: u.temperature,
        flags: u.flags.map((f) => labelOf(FLAG_LABELS, f.code, 'zh')).join('、'),
      })),
      assessment,
    };
  }

  private today(): string {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: this.config.tzReports, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(this.clock.now());
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}年${get('month')}月${get('day')}日`;
  }
}
