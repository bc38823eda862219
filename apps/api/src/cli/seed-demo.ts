// `npm run seed:demo`: a demo bureau of 16 units on four levels, a leader, secretaries, two
// periods and their reports (queued for the worker to extract). Safe to run twice: what exists
// is left alone. Runs through the same services as the api, so everything is validated and audited.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@thermocline/config';
import { PeriodEntity, ReportEntity, UnitEntity, UserEntity } from '@thermocline/db';
import { createLogger, openAppDatabase, runWithContext, setupCompleted } from '@thermocline/runtime';
import { PinoNestLogger } from '@thermocline/server';
import type { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import type { AuthUser } from '../common/auth-user';
import { installFirstAdmin } from '../first-admin';
import { startInstallation } from '../setup/installation';
import { PeriodsService } from '../periods/periods.service';
import { ReportsService } from '../reports/reports.service';
import { UnitsService } from '../units/units.service';
import { UsersService } from '../users/users.service';
import { DEMO_PASSWORD, DEMO_PERIODS, DEMO_UNITS, DEMO_USERS, demoReport, templateReport } from './demo-data';

async function asUser(db: DataSource, username: string): Promise<AuthUser> {
  const u = await db.getRepository(UserEntity).findOneByOrFail({ username });
  const unit = await db.getRepository(UnitEntity).findOneByOrFail({ id: u.unitId });
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, unitId: unit.id, unitCode: unit.code, unitPath: unit.path, unitLevel: unit.level };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel, 'seed');
  const { dataSource: db } = await openAppDatabase(config.databaseUrl, { log: logger });
  // The api's start-up (secret, ADMIN_PASSWORD), without printing a setup code this run makes moot.
  const { config: runtime } = await startInstallation(db, config, logger, () => undefined);
  // Setup not done yet: the seed completes it, with `admin` and a password printed below.
  let adminPassword = config.adminPassword ? '(ADMIN_PASSWORD)' : '(set in the setup wizard)';
  if (!(await setupCompleted(db.manager))) {
    const password = config.adminPassword ?? `Demo-${randomBytes(6).toString('hex')}`;
    const root = { code: config.rootUnit.code, name: DEMO_UNITS[0].name, memberCount: DEMO_UNITS[0].memberCount };
    await db.transaction((m) => installFirstAdmin(m, { root, admin: { username: 'admin', displayName: '系统管理员', password }, tz: config.tzReports }, 'seed'));
    if (!config.adminPassword) adminPassword = password;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config: runtime, dataSource: db, logger }), { logger: new PinoNestLogger(logger) });
  const units = app.get(UnitsService);
  const users = app.get(UsersService);
  const periods = app.get(PeriodsService);
  const reports = app.get(ReportsService);
  const created = { units: 0, users: 0, periods: 0, reports: 0 };

  let adminName = 'admin';
  await runWithContext({ requestId: 'seed-demo' }, async () => {
    // The first administrator at the root (`admin`, or whoever the setup wizard created).
    const first = await db.getRepository(UserEntity).createQueryBuilder('u').innerJoin(UnitEntity, 'un', 'un.id = u.unit_id').where("u.role = 'admin' AND un.level = 0").orderBy('u.id').getOneOrFail();
    const admin = await asUser(db, first.username);
    adminName = admin.username;
    const root = await db.getRepository(UnitEntity).findOneByOrFail({ id: admin.unitId });
    const demoRoot = DEMO_UNITS[0];
    // The demo bureau existed before its first period, so every unit is expected in every demo period.
    const since = DEMO_PERIODS.map((p) => p.startsOn).sort()[0];
    await db.getRepository(UnitEntity).update({ id: root.id }, { name: demoRoot.name, memberCount: demoRoot.memberCount, activeFrom: since });
    const codeOf = (c: string | null) => (c === demoRoot.code ? root.code : c);
    for (const u of DEMO_UNITS.slice(1)) {
      if (await db.getRepository(UnitEntity).existsBy({ code: u.code })) continue;
      await units.create(admin, { code: u.code, name: u.name, parentCode: codeOf(u.parentCode), memberCount: u.memberCount, activeFrom: since });
      created.units++;
    }
    for (const u of DEMO_USERS) {
      if (await db.getRepository(UserEntity).existsBy({ username: u.username })) continue;
      await users.create(admin, { ...u, unitCode: codeOf(u.unitCode) as string, password: DEMO_PASSWORD, email: `${u.username}@demo.example.cn` });
      // Demo accounts share a printed password so that every role can be tried at once; a real
      // admin-created user must replace theirs at the first sign-in.
      await db.getRepository(UserEntity).update({ username: u.username }, { mustChangePassword: false });
      created.users++;
    }
    for (const p of DEMO_PERIODS) {
      if (await db.getRepository(PeriodEntity).existsBy({ code: p.code })) continue;
      await periods.create(p);
      created.periods++;
    }

    // Reports: most units on time, one late, one missing, one copied from its sibling, one template.
    const plan: { period: (typeof DEMO_PERIODS)[number]; skip: string[]; late: string[]; copy: Record<string, string>; template: string[]; heatShift: number }[] = [
      { period: DEMO_PERIODS[0], skip: ['cdc'], late: ['hospital-b3'], copy: { 'school-1-b2': 'school-1-b1' }, template: ['kinder'], heatShift: 0.05 },
      { period: DEMO_PERIODS[1], skip: ['cdc', 'hospital-b3'], late: ['school-3'], copy: { 'school-1-b2': 'school-1-b1' }, template: [], heatShift: 0 },
    ];
    for (const { period, skip, late, copy, template, heatShift } of plan) {
      const p = await db.getRepository(PeriodEntity).findOneByOrFail({ code: period.code });
      for (const u of DEMO_UNITS) {
        if (skip.includes(u.code)) continue;
        const unit = await db.getRepository(UnitEntity).findOneByOrFail({ code: u.code });
        if (await db.getRepository(ReportEntity).existsBy({ unitId: unit.id, periodId: p.id })) continue;
        const source = copy[u.code] ? (DEMO_UNITS.find((x) => x.code === copy[u.code]) as typeof u) : u;
        let text = template.includes(u.code) ? templateReport(u, period) : demoReport(source, period, Math.max(0.05, source.heat - heatShift));
        if (copy[u.code]) text = text.replaceAll(source.name, u.name);
        const secretary = await asUser(db, `sec-${u.code}`);
        const { accepted } = await reports.upload(secretary, Buffer.from(text, 'utf8'), `${u.name}${period.name}意识形态工作报告.txt`, u.code, period.code);
        // Backdate the demo submission: on time, or three days after the due day.
        const due = new Date(`${period.dueOn}T02:00:00Z`);
        const at = late.includes(u.code) ? new Date(due.getTime() + 3 * 86400_000) : new Date(due.getTime() - (2 + (u.code.length % 7)) * 86400_000);
        await db.getRepository(ReportEntity).update({ id: accepted.id }, { submittedAt: at, late: late.includes(u.code) });
        created.reports++;
      }
    }
  });

  await app.close();
  const line = (a: string, b: string, c: string) => `  ${a.padEnd(22)}${b.padEnd(18)}${c}`;
  process.stdout.write(
    [
      '',
      `Demo bureau ready (created ${created.units} units, ${created.users} users, ${created.periods} periods, ${created.reports} reports; reports are extracted by the worker).`,
      `Open ${config.publicUrl} and sign in:`,
      line('user', 'password', 'role'),
      line(adminName, adminPassword, '管理员 admin'),
      ...DEMO_USERS.slice(0, 3).map((u) => line(u.username, DEMO_PASSWORD, `${u.role === 'leader' ? '领导 leader' : '支部书记 secretary'} · ${u.unitCode}`)),
      line('sec-<unit code>', DEMO_PASSWORD, `支部书记 secretary of every unit, e.g. sec-school-1 (${DEMO_USERS.length - 2} in all)`),
      '',
    ].join('\n'),
  );
  process.exit(0);
}

main().catch((e: unknown) => {
  process.stderr.write(`seed:demo failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
