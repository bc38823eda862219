import { PeriodEntity, ReportEntity, UnitEntity } from '@thermocline/db';
import type { EntityManager } from 'typeorm';
import { inScope, type AuthUser } from '../common/auth-user';
import { outOfScope } from '../common/errors';
import { assertPeriodOpen } from '../periods/period-dates';

/**
 * A report and its unit when the caller's subtree holds it; 404 (like a missing report) otherwise.
 * A plain function so the reports and mentions modules share it without importing each other.
 */
export async function findReportInScope(m: EntityManager, user: AuthUser, id: number): Promise<{ report: ReportEntity; unit: UnitEntity }> {
  const report = Number.isSafeInteger(id) ? await m.getRepository(ReportEntity).findOneBy({ id }) : null;
  if (!report) throw outOfScope('报告');
  const unit = await m.getRepository(UnitEntity).findOneByOrFail({ id: report.unitId });
  if (!inScope(user, unit.path)) throw outOfScope('报告');
  return { report, unit };
}

/** 409 when the report's period is closed (frozen); reviews and retries would change its figures. */
export async function assertReportPeriodOpen(m: EntityManager, periodId: number): Promise<void> {
  assertPeriodOpen(await m.getRepository(PeriodEntity).findOneByOrFail({ id: periodId }));
}
