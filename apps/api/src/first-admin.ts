import type { AppConfig } from '@thermocline/config';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import type { Logger } from 'pino';
import { IsNull, type DataSource } from 'typeorm';
import { hashPassword } from './auth/password';
import { dayIn } from './periods/period-dates';

export const ROOT_UNIT = { code: 'bureau', name: '局党组' };

/**
 * First start: when the database has no user, create the root unit (if the tree is empty) and an
 * `admin` with ADMIN_PASSWORD — or, in development, a generated password printed once.
 * Runs under a named lock so an api started twice does not create two admins.
 */
export async function ensureFirstAdmin(db: DataSource, config: AppConfig, logger: Logger): Promise<void> {
  await db.transaction(async (m) => {
    const [lock] = (await m.query("SELECT GET_LOCK('thermocline_first_admin', 30) AS got")) as { got: number | string }[];
    try {
      if (Number(lock?.got) !== 1) return;
      if ((await m.getRepository(UserEntity).count()) > 0) return;
      let root = await m.getRepository(UnitEntity).findOne({ where: { parentId: IsNull() }, order: { id: 'ASC' } });
      const now = new Date();
      if (!root) {
        const r = await m.insert(UnitEntity, { ...ROOT_UNIT, parentId: null, level: 0, path: '', memberCount: 0, activeFrom: dayIn(now, config.tzReports), createdAt: now, updatedAt: now });
        const id = Number(r.identifiers[0].id);
        await m.update(UnitEntity, { id }, { path: `/${id}/` });
        root = await m.getRepository(UnitEntity).findOneByOrFail({ id });
      }
      if (!config.adminPassword) throw new Error('ADMIN_PASSWORD is required to create the first administrator');
      await m.insert(UserEntity, {
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        unitId: root.id,
        email: null,
        passwordHash: await hashPassword(config.adminPassword),
        disabled: false,
        tokenVersion: 0,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(m, { action: 'user.create', entity: 'user', entityId: 'admin', detail: { firstStart: true }, actor: { userId: null, name: 'system' } });
      if (config.adminPasswordGenerated) {
        // Printed once, on purpose: development only (production requires ADMIN_PASSWORD).
        process.stdout.write(`\n  First start: created user "admin" with password ${config.adminPassword}\n  (set ADMIN_PASSWORD to choose it)\n\n`);
      }
      logger.info({ unit: root.code }, 'first start: created the admin user');
    } finally {
      await m.query("SELECT RELEASE_LOCK('thermocline_first_admin')");
    }
  });
}
