import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, describeConfig, loadConfig } from '@thermocline/config';
import { createLogger, installationSecret, openAppDatabase } from '@thermocline/runtime';
import { PinoNestLogger } from '@thermocline/server';
import { AnalyticsTickProcessor } from './analytics/analytics-tick.processor';
import { jobHandlers } from './handlers';
import { JobRunner } from './job-runner';
import { OrphanSweepProcessor } from './maintenance/orphans.processor';
import { SweepProcessor } from './maintenance/sweep.processor';
import { ReminderScanProcessor } from './notifications/reminder-scan.processor';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    process.exit(78);
  }
  const logger = createLogger(config.logLevel, 'worker');
  logger.info({ config: describeConfig(config), pid: process.pid }, 'starting worker');
  const { dataSource } = await openAppDatabase(config.databaseUrl, { log: logger, queryTimeoutMs: config.dbQueryTimeoutMs });
  // The installation's signing secret, whichever process of it starts first (see the api).
  const runtime = Object.freeze({ ...config, jwtSecret: config.jwtSecret ?? (await installationSecret(dataSource.manager)) });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config: runtime, dataSource, logger }), {
    logger: new PinoNestLogger(logger),
  });
  app.enableShutdownHooks();
  app.get(JobRunner).start(jobHandlers(app));
  await app.get(SweepProcessor).schedule();
  await app.get(OrphanSweepProcessor).schedule();
  await app.get(AnalyticsTickProcessor).schedule();
  await app.get(ReminderScanProcessor).schedule();
}

main().catch((e: unknown) => {
  process.stderr.write(`worker failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
