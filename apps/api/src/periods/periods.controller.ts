import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../common/access.decorator';
import { CreatePeriodDto, PeriodDto, UpdatePeriodDto } from './dto/period.dto';
import { PeriodsService } from './periods.service';

@ApiTags('periods')
@ApiBearerAuth()
@Controller('periods')
export class PeriodsController {
  constructor(private readonly periods: PeriodsService) {}

  @Get()
  @Access({ roles: ['admin', 'leader', 'secretary'] })
  @ApiOkResponse({ type: [PeriodDto] })
  list(): Promise<PeriodDto[]> {
    return this.periods.list();
  }

  @Get(':code')
  @Access({ roles: ['admin', 'leader', 'secretary'] })
  @ApiOkResponse({ type: PeriodDto })
  get(@Param('code') code: string): Promise<PeriodDto> {
    return this.periods.get(code);
  }

  @Post()
  @Access({ roles: ['admin'], bureau: true })
  @ApiCreatedResponse({ type: PeriodDto })
  create(@Body() body: CreatePeriodDto): Promise<PeriodDto> {
    return this.periods.create(body);
  }

  @Patch(':code')
  @Access({ roles: ['admin'], bureau: true })
  @ApiOkResponse({ type: PeriodDto })
  update(@Param('code') code: string, @Body() body: UpdatePeriodDto): Promise<PeriodDto> {
    return this.periods.update(code, body);
  }

  @Post(':code/close')
  @HttpCode(200)
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Close (freeze) a period: expected units, temperatures and flags stay as they are; writes into it answer 409' })
  @ApiOkResponse({ type: PeriodDto })
  close(@Param('code') code: string): Promise<PeriodDto> {
    return this.periods.close(code);
  }

  @Post(':code/reopen')
  @HttpCode(200)
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Reopen a closed period; it is re-aggregated' })
  @ApiOkResponse({ type: PeriodDto })
  reopen(@Param('code') code: string): Promise<PeriodDto> {
    return this.periods.reopen(code);
  }
}
