import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { PeriodEntity, type UnitEntity } from '@thermocline/db';
import { DEFAULT_REMINDER_RULES, loadReminderRules, parseReminderRules, REMINDER_SETTINGS, ReminderScanner } from '@thermocline/notify';
import { writeAudit } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { ReminderRulesDto, RunRemindersResultDto } from './dto/notification.dto';

@Injectable()
export class RemindersService {
  constructor(
    private readonly db: DataSource,
    private readonly scanner: ReminderScanner,
  ) {}

  /** "Remind now": the scan for one period, limited to the caller's subtree (or one unit of it). */
  async run(user: AuthUser, periodCode: string, unit: UnitEntity | undefined): Promise<RunRemindersResultDto> {
    const period = await this.db.getRepository(PeriodEntity).findOneBy({ code: periodCode });
    if (!period) throw new NotFoundException(`期次「${periodCode}」不存在`);
    const { created, unreachable } = await this.scanner.scan({ periodId: period.id, unitPath: user.unitPath, unitId: unit?.id, manual: { by: user.displayName } });
    await this.db.transaction((m) => writeAudit(m, { action: 'reminders.run', entity: 'period', entityId: period.code, detail: { unit: unit?.code ?? null, created } }));
    return { created, unreachable };
  }

  async rules(): Promise<ReminderRulesDto> {
    return { rules: { ...(await loadReminderRules(this.db)) }, defaults: { ...DEFAULT_REMINDER_RULES } };
  }

  async saveRules(user: AuthUser, patch: unknown): Promise<ReminderRulesDto> {
    await this.db.transaction(async (m) => {
      const parsed = parseReminderRules(patch, await loadReminderRules(m));
      if (!parsed.ok) throw new BadRequestException({ message: `提醒规则有误：${parsed.errors.map((e) => e.message).join('；')}`, errors: parsed.errors });
      await m.query('INSERT INTO settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)', [
        REMINDER_SETTINGS,
        JSON.stringify(parsed.rules),
        new Date(),
        user.id,
      ]);
      await writeAudit(m, { action: 'settings.reminders', entity: 'settings', entityId: REMINDER_SETTINGS, detail: { patch: patch as never } });
    });
    return this.rules();
  }
}
