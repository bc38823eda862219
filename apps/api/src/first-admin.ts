import { normalizeUsername } from '@thermocline/contracts';
import type { AppConfig } from '@thermocline/config';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { markSetupCompleted, writeAudit } from '@thermocline/runtime';
import type { Logger } from 'pino';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { hashPassword } from './auth/password';
import { dayIn } from './periods/period-dates';

export interface FirstAdmin {
  root: { code: string; name: string; memberCount: number };
  admin: { username: string; displayName: string; password: string };
  /** the reporting time zone: the root is active from its first day there */
  tz: string;
}

/**
 * Completes setup inside the caller's transaction: the root unit (the wizard renames an existing
 * root), the first administrator on it, and the completion mark. Answers null, writing
 * nothing, when setup was already complete — also when a racing completion committed first.
 */
export async function installFirstAdmin(m: EntityManager, first: FirstAdmin, how: 'wizard' | 'admin-password' | 'seed'): Promise<{ userId: number; rootId: number } | null> {
  if (!(await markSetupCompleted(m, how))) return null;
  if ((await m.getRepository(UserEntity).count()) > 0) return null;
  const now = new Date();
  const units = m.getRepository(UnitEntity);
  let root = await units.findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } });
  if (root) {
    // The wizard names the bureau; an unattended start leaves an existing root as it is.
    if (how === 'wizard') await m.update(UnitEntity, { id: root.id }, { ...first.root, updatedAt: now });
  } else {
    const r = await m.insert(UnitEntity, { ...first.root, parentId: null, level: 0, path: '', activeFrom: dayIn(now, first.tz), createdAt: now, updatedAt: now });
    const id = Number(r.identifiers[0].id);
    await m.update(UnitEntity, { id }, { path: `/${id}/` });
    root = await units.findOneByOrFail({ id });
  }
  const r = await m.insert(UserEntity, {
    username: normalizeUsername(first.admin.username),
    displayName: first.admin.displayName,
    role: 'admin',
    unitId: root.id,
    email: null,
    passwordHash: await hashPassword(first.admin.password),
    disabled: false,
    tokenVersion: 0,
    createdAt: now,
    updatedAt: now,
  });
  const userId = Number(r.identifiers[0].id);
  await writeAudit(m, {
    action: 'user.create',
    entity: 'user',
    entityId: String(userId),
    detail: { username: first.admin.username, role: 'admin', unitCode: first.root.code, firstStart: true },
    actor: { userId: null, name: 'system' },
  });
  return { userId, rootId: root.id };
}

/**
 * Scripted installs: with ADMIN_PASSWORD set, the first start creates the root unit
 * (ROOT_UNIT_CODE/ROOT_UNIT_NAME) and `admin` unattended, and setup is complete. Without it the
 * setup wizard does this. Runs under a named lock so an api started twice does not race itself.
 */
export async function ensureFirstAdmin(db: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  const password = config.adminPassword;
  if (!password) return;
  await db.transaction(async (m) => {
    const [lock] = (await m.query("SELECT GET_LOCK('thermocline_first_admin', 30) AS got")) as { got: number | string }[];
    try {
      if (Number(lock?.got) !== 1) return;
      if ((await m.getRepository(UserEntity).count()) > 0) return;
      const done = await installFirstAdmin(m, { root: { ...config.rootUnit, memberCount: 0 }, admin: { username: 'admin', displayName: '系统管理员', password }, tz: config.tzReports }, 'admin-password');
      if (done) logger.info({ unit: config.rootUnit.code }, 'first start: created the admin user (ADMIN_PASSWORD)');
    } finally {
      await m.query("SELECT RELEASE_LOCK('thermocline_first_admin')");
    }
  });
}
