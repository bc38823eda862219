import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { AdminService } from './admin.service';
import { AnalyticsConfigDto, AnalyticsSettingsDto, QueueSessionDto, ReextractDto, ReextractRunDto } from './dto/admin.dto';
import { QUEUE_BOARD_PATH, queueTicket } from './queue-board';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly jwt: JwtService,
    private readonly db: DataSource,
  ) {}

  @Get('analytics-settings')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Temperature weights, flag thresholds and scoring in force, with the defaults' })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  settings(): Promise<AnalyticsSettingsDto> {
    return this.admin.settings();
  }

  @Put('analytics-settings')
  @Access({ roles: ['admin'], bureau: true })
  @ApiBody({ type: AnalyticsConfigDto, description: 'Any part of {weights, thresholds, scoring}; missing fields keep their value; every period is re-aggregated' })
  @ApiOperation({ summary: 'Change weights and thresholds (partial); re-aggregates every period' })
  @ApiOkResponse({ type: AnalyticsSettingsDto })
  saveSettings(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>): Promise<AnalyticsSettingsDto> {
    return this.admin.saveSettings(user, body);
  }

  @Post('reextract')
  @HttpCode(202)
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'Re-extract every unit’s newest report of a period (after catalogue changes)' })
  @ApiOkResponse({ type: ReextractRunDto })
  reextract(@CurrentUser() user: AuthUser, @Body() body: ReextractDto): Promise<ReextractRunDto> {
    return this.admin.reextract(user, body.periodCode);
  }

  @Get('reextract/:id')
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: ReextractRunDto })
  run(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ReextractRunDto> {
    return this.admin.run(user, id);
  }

  @Post('queues/session')
  @HttpCode(200)
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'A one-minute, single-use link to the queue dashboard (bull-board), bound to the admin' })
  @ApiOkResponse({ type: QueueSessionDto })
  async queueSession(@CurrentUser() user: AuthUser): Promise<QueueSessionDto> {
    return { url: `${QUEUE_BOARD_PATH}?ticket=${await queueTicket(this.jwt, this.db, user.id)}` };
  }
}
