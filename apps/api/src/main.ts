import 'reflect-metadata';
import { ConfigError, describeConfig, loadConfig } from '@thermocline/config';
import { createLogger, openAppDatabase } from '@thermocline/runtime';
import { createApi } from './bootstrap';
import { startInstallation } from './setup/installation';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    process.stderr.write(`${e instanceof ConfigError ? e.message : String(e)}\n`);
    process.exit(78); // EX_CONFIG
  }
  const logger = createLogger(config.logLevel, 'api');
  logger.info({ config: describeConfig(config) }, 'starting api');
  const { dataSource, migrated } = await openAppDatabase(config.databaseUrl, { log: logger, queryTimeoutMs: config.dbQueryTimeoutMs });
  if (migrated.length) logger.info({ migrated }, 'database migrated');
  const { config: runtime } = await startInstallation(dataSource, config, logger);
  const app = await createApi(runtime, dataSource, logger);
  await app.listen(config.port);
  logger.info({ port: config.port, url: config.publicUrl }, 'api listening');
}

main().catch((e: unknown) => {
  process.stderr.write(`api failed to start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
