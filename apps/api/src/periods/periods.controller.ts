import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
}
