import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { sendDownload } from '../common/files';
import { DashboardCache, plainJson, type CachedResponse } from './dashboard-cache';
import { DashboardService } from './dashboard.service';
import { ProblemsDto, PromisesDto } from './dto/insights.dto';
import { InsightsService } from './insights.service';
import { BulletinService } from './bulletin/bulletin.service';
import type { BulletinAssessment } from './bulletin/bulletin-model';
import { AssessmentService } from '../assessment/assessment.service';
import { ComparisonDto, ComparisonQueryDto, GapDto, HeatmapDto, HeatmapQueryDto, PeriodQueryDto, TrendDto, TrendQueryDto, UnitStandingDto } from './dto/dashboard.dto';

/** Sends cached JSON bytes, gzipped when the client accepts it. */
async function sendJson(req: Request, res: Response, entry: CachedResponse): Promise<void> {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'private, no-cache');
  res.setHeader('Vary', 'Accept-Encoding');
  if (entry.gzipped && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    res.setHeader('Content-Encoding', 'gzip');
    res.end(entry.body);
  } else res.end(await plainJson(entry));
}

const LEADERS = ['leader', 'admin'] as const;

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardService,
    private readonly cache: DashboardCache,
    private readonly insights: InsightsService,
    private readonly bulletin: BulletinService,
    private readonly assessment: AssessmentService,
  ) {}

  @Get('gap')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: '上热下冷: level medians, attenuation, the gap index and every unit of the caller’s subtree with its flags' })
  @ApiOkResponse({ type: GapDto })
  async gap(@CurrentUser() user: AuthUser, @Query() q: PeriodQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const period = await this.dashboard.period(q.period);
    const entry = await this.cache.response(`gap:${period.id}:${user.unitId}`, await this.dashboard.stamp(period), () => this.dashboard.gapJson(user, period));
    await sendJson(req, res, entry);
  }

  @Get('comparison')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: 'One metric (or temperature) for every unit, raw or per 100 members, ranked' })
  @ApiOkResponse({ type: ComparisonDto })
  async comparison(@CurrentUser() user: AuthUser, @Query() q: ComparisonQueryDto, @Req() req: Request, @Res() res: Response): Promise<void> {
    const period = await this.dashboard.period(q.period);
    const normalize = q.normalize ?? 'none';
    const stamp = await this.dashboard.stamp(period);
    const entry = await this.cache.response(`cmp:${period.id}:${user.unitId}:${q.metric}:${normalize}`, stamp, () => this.dashboard.comparisonJson(user, period, q.metric, normalize, stamp));
    await sendJson(req, res, entry);
  }

  @Get('comparison.xlsx')
  @Access({ roles: LEADERS })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The comparison as Excel, with unit paths and flags' })
  async comparisonXlsx(@CurrentUser() user: AuthUser, @Query() q: ComparisonQueryDto, @Res() res: Response): Promise<void> {
    const { bytes, fileName } = await this.dashboard.comparisonXlsx(user, q.period, q.metric, q.normalize ?? 'none');
    sendDownload(res, bytes, fileName);
  }

  @Get('trend')
  @Access({ roles: LEADERS, unit: { from: 'query', name: 'unitCode' } })
  @ApiOperation({ summary: 'A unit and its direct sub-units across the last N periods' })
  @ApiOkResponse({ type: TrendDto })
  trend(@CurrentUser() user: AuthUser, @Query() q: TrendQueryDto): Promise<TrendDto> {
    return this.dashboard.trend(user, q.unitCode, q.metric, q.periods ?? 8);
  }

  @Get('heatmap')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: 'Unit × metric scores (0..1 against level peers) for the upper levels of the subtree' })
  @ApiOkResponse({ type: HeatmapDto })
  heatmap(@CurrentUser() user: AuthUser, @Query() q: HeatmapQueryDto): Promise<HeatmapDto> {
    return this.dashboard.heatmap(user, q.period, q.maxDepth ?? 2);
  }

  @Get('units/:code')
  @Access({ roles: ['leader', 'admin', 'secretary'], unit: { from: 'param', name: 'code' } })
  @ApiOperation({ summary: 'One unit’s temperature, flags and totals beside its level’s median' })
  @ApiOkResponse({ type: UnitStandingDto })
  standing(@CurrentUser() user: AuthUser, @Param('code') code: string, @Query() q: PeriodQueryDto): Promise<UnitStandingDto> {
    return this.dashboard.standing(user, code, q.period);
  }

  @Get('problems')
  @Access({ roles: LEADERS })
  @ApiOperation({
    summary: '共性问题: the problems units of the caller’s subtree wrote, grouped by shared wording, largest group first',
    description: 'From each unit’s latest extracted report: its 存在问题 items are split into clauses and grouped by character bigrams (filler such as 存在, 个别, 进一步 dropped); a unit counts once per group. 404 for an unknown period.',
  })
  @ApiOkResponse({ type: ProblemsDto })
  problems(@CurrentUser() user: AuthUser, @Query() q: PeriodQueryDto): Promise<ProblemsDto> {
    return this.insights.problems(user, q.period);
  }

  @Get('promises')
  @Access({ roles: LEADERS })
  @ApiOperation({
    summary: 'Promises kept: the numeric targets of the previous period’s 下步打算, against what each unit reported this period',
    description: 'Targets are read from the plan items of each unit’s latest extracted report of the previous period (力争…不少于20场 → 20 of that metric). `actual` is the unit’s total for the metric in this period (0 when it reported none), null when the unit has not reported yet; `kept` is actual ≥ target, or null. 404 for an unknown period.',
  })
  @ApiOkResponse({ type: PromisesDto })
  promises(@CurrentUser() user: AuthUser, @Query() q: PeriodQueryDto): Promise<PromisesDto> {
    return this.insights.promises(user, q.period);
  }

  @Get('bulletin.docx')
  @Access({ roles: LEADERS })
  @ApiProduces('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  @ApiOperation({
    summary: 'The period’s 通报 (关于…意识形态工作责任制落实情况的通报) drafted as an editable Word document',
    description:
      'Over the caller’s subtree: 总体情况 (submitted/expected, on time, level medians and the attenuation between levels in words), 好的做法 (the warmest units with their figures and the sentences they come from), 存在的问题 (cold, missing and late, near-duplicate, unfilled templates, repeated plans — by name with the flags’ reasons), 共性问题, 下一步工作要求 (from the flags present) a 考核情况 table (every unit’s draft total and rank under the 考核细则 the period is scored with, manual scores included, #20) and an appendix table per unit. 仿宋/黑体, A4 with the usual margins. 404 for an unknown period.',
  })
  async bulletinDocx(@CurrentUser() user: AuthUser, @Query() q: PeriodQueryDto, @Res() res: Response): Promise<void> {
    const { bytes, fileName } = await this.bulletin.docx(user, q.period, await this.assessmentSection(user, q.period));
    sendDownload(res, bytes, fileName, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  }

  /**
   * The 考核 scores of the period for the 通报: the same totals and ranks as the scoring table (#20). Drafts until the
   * committee confirms them, so the section says so; the issuer's own unit is not scored against itself.
   */
  private async assessmentSection(user: AuthUser, periodCode: string): Promise<BulletinAssessment | undefined> {
    const rows = (await this.assessment.totals(user, periodCode)).filter((u) => u.code !== user.unitCode).sort((a, b) => a.rank - b.rank);
    if (!rows.length) return undefined;
    return {
      title: '考核情况',
      note: '按现行意识形态工作责任制考核细则初评（自动计分并含人工评分），以考核组审定结果为准。',
      rows: rows.map((u) => ({ unitName: u.name, score: u.total, remark: `第 ${u.rank} 名` })),
    };
  }
}
