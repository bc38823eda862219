import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../common/access.decorator';
import { CreateMetricDto, MetricDto, UpdateMetricDto } from './dto/metric.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @Access({ roles: ['admin', 'leader', 'secretary'] })
  @ApiOperation({ summary: 'The metric catalogue (names, categories, trigger vocabulary, weights)' })
  @ApiOkResponse({ type: [MetricDto] })
  list(): Promise<MetricDto[]> {
    return this.metrics.list();
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
