import { Body, Controller, Get, Inject, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@thermocline/config';
import type { UnitEntity } from '@thermocline/db';
import { Clock } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import type { Response } from 'express';
import { Access, CurrentUser, ScopeUnit } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { sendDownload } from '../common/files';
import { assessmentWorkbook } from './assessment-export';
import { AssessmentService } from './assessment.service';
import { AssessmentDto, AssessmentQueryDto, RulesQueryDto, RulesVersionDto, RulesVersionSummaryDto, SaveRulesDto, ScoreEntryDto, UnitSheetDto } from './dto/assessment.dto';

const LEADERS = ['leader', 'admin'] as const;

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('assessment')
export class AssessmentController {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: '年度考核 draft scores of the caller’s subtree: every unit’s items with evidence, total and rank' })
  @ApiOkResponse({ type: AssessmentDto })
  draft(@CurrentUser() user: AuthUser, @Query() q: AssessmentQueryDto): Promise<AssessmentDto> {
    return this.assessment.draft(user, q.period);
  }

  @Get('export.xlsx')
  @Access({ roles: LEADERS })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: '考核评分表 as Excel: 序号, 单位, each item, 合计, 名次' })
  async export(@CurrentUser() user: AuthUser, @Query() q: AssessmentQueryDto, @Res() res: Response): Promise<void> {
    const { bytes, fileName } = await assessmentWorkbook(await this.assessment.draft(user, q.period), this.clock.now(), this.config.tzReports);
    sendDownload(res, bytes, fileName);
  }

  @Put('scores')
  @Access({ roles: LEADERS, unit: { from: 'body', name: 'unitCode' } })
  @ApiOperation({ summary: 'Score a manual item or override an automatic one (score null → automatic again), with a reason; audited' })
  @ApiOkResponse({ type: UnitSheetDto })
  score(@CurrentUser() user: AuthUser, @ScopeUnit() unit: UnitEntity, @Body() body: ScoreEntryDto): Promise<UnitSheetDto> {
    return this.assessment.setScore(user, unit, body);
  }

  @Get('rules')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: 'The 考核细则 in force (or a past version)' })
  @ApiOkResponse({ type: RulesVersionDto })
  rules(@Query() q: RulesQueryDto): Promise<RulesVersionDto> {
    return this.assessment.rules(q.version);
  }

  @Get('rules/versions')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: 'Every saved version of the 细则, newest first' })
  @ApiOkResponse({ type: [RulesVersionSummaryDto] })
  versions(): Promise<RulesVersionSummaryDto[]> {
    return this.assessment.versions();
  }

  @Put('rules')
  @Access({ roles: ['admin'], bureau: true })
  @ApiBody({ type: SaveRulesDto })
  @ApiOperation({ summary: 'Save the 细则 as a new version: open periods are re-scored with it, closed ones keep theirs' })
  @ApiOkResponse({ type: RulesVersionDto })
  saveRules(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>): Promise<RulesVersionDto> {
    return this.assessment.saveRules(user, body);
  }
}
