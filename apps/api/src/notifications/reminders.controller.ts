import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import type { UnitEntity } from '@thermocline/db';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, ScopeUnit } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { ReminderRulesDto, ReminderRulesPatchDto, RunRemindersDto, RunRemindersResultDto } from './dto/notification.dto';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post('run')
  @HttpCode(200)
  @Access({ roles: ['leader', 'admin'], unit: { from: 'body', name: 'unitCode' } })
  @ApiOperation({ summary: 'Remind now: the period’s reminder scan for every missing unit of the caller’s subtree (or one unit)' })
  @ApiOkResponse({ type: RunRemindersResultDto })
  run(@CurrentUser() user: AuthUser, @ScopeUnit() unit: UnitEntity | undefined, @Body() body: RunRemindersDto): Promise<RunRemindersResultDto> {
    return this.reminders.run(user, body.periodCode, unit);
  }

  @Get('rules')
  @Access({ roles: ['admin'] })
  @ApiOkResponse({ type: ReminderRulesDto })
  rules(): Promise<ReminderRulesDto> {
    return this.reminders.rules();
  }

  @Put('rules')
  @Access({ roles: ['admin'], bureau: true })
  @ApiBody({ type: ReminderRulesPatchDto, description: 'Any of the rules; what is left out keeps its value' })
  @ApiOperation({ summary: 'Changes the reminder rules (partial)' })
  @ApiOkResponse({ type: ReminderRulesDto })
  saveRules(@CurrentUser() user: AuthUser, @Body() body: Record<string, unknown>): Promise<ReminderRulesDto> {
    return this.reminders.saveRules(user, body);
  }
}
