import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { sendDownload } from '../common/files';
import { DashboardService } from './dashboard.service';
import { ComparisonDto, ComparisonQueryDto, GapDto, HeatmapDto, HeatmapQueryDto, PeriodQueryDto, TrendDto, TrendQueryDto, UnitStandingDto } from './dto/dashboard.dto';

const LEADERS = ['leader', 'admin'] as const;

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('gap')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: '上热下冷: level medians, attenuation, the gap index and every unit of the caller’s subtree with its flags' })
  @ApiOkResponse({ type: GapDto })
  gap(@CurrentUser() user: AuthUser, @Query() q: PeriodQueryDto): Promise<GapDto> {
    return this.dashboard.gap(user, q.period);
  }

  @Get('comparison')
  @Access({ roles: LEADERS })
  @ApiOperation({ summary: 'One metric (or temperature) for every unit, raw or per 100 members, ranked' })
  @ApiOkResponse({ type: ComparisonDto })
  comparison(@CurrentUser() user: AuthUser, @Query() q: ComparisonQueryDto): Promise<ComparisonDto> {
    return this.dashboard.comparison(user, q.period, q.metric, q.normalize ?? 'none');
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
}
