import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { CreateMetricDto, MetricDto, UnclassifiedPhraseDto, UnclassifiedQueryDto, UpdateMetricDto } from './dto/metric.dto';
import { MetricsService } from './metrics.service';
import { UnclassifiedService } from './unclassified.service';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly unclassifiedCounts: UnclassifiedService,
  ) {}

  @Get()
  @Access({ roles: ['admin', 'leader', 'secretary'] })
  @ApiOperation({ summary: 'The metric catalogue (names, categories, trigger vocabulary, weights)' })
  @ApiOkResponse({ type: [MetricDto] })
  list(): Promise<MetricDto[]> {
    return this.metrics.list();
  }

  @Get('unclassified')
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'The most frequent wordings of counts no metric took (未归类), in the caller’s sub-tree: phrase, reports, an example sentence' })
  @ApiOkResponse({ type: [UnclassifiedPhraseDto] })
  unclassified(@CurrentUser() user: AuthUser, @Query() q: UnclassifiedQueryDto): Promise<UnclassifiedPhraseDto[]> {
    return this.unclassifiedCounts.list(user, q.limit);
  }

  @Put(':key')
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Edit a metric: triggers apply to the next extraction (re-extract a period to apply them now); weights re-aggregate at once' })
  @ApiOkResponse({ type: MetricDto })
  update(@Param('key') key: string, @Body() body: UpdateMetricDto): Promise<MetricDto> {
    return this.metrics.update(key, body);
  }

  @Post()
  @Access({ roles: ['admin'], bureau: true })
  @ApiCreatedResponse({ type: MetricDto })
  create(@Body() body: CreateMetricDto): Promise<MetricDto> {
    return this.metrics.create(body);
  }
}
