// Integration harness: a real api (the same createApi as production) on a real MariaDB/MySQL and
// Redis. Each harness makes its own database, Redis key prefix and storage directory, and drops
// them on close, so test files never see each other's data.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfig, type RuntimeConfig } from '@thermocline/config';
import { createLogger, openAppDatabase } from '@thermocline/runtime';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createApi } from '../../apps/api/src/bootstrap';
import { startInstallation } from '../../apps/api/src/setup/installation';
import { deleteRedisPrefix } from './redis-cleanup';

export { deleteRedisPrefix };

export const TEST_MYSQL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
export const TEST_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ADMIN_PASSWORD = 'Admin-Test-2026';

export interface Harness {
  url: string;
  config: RuntimeConfig;
  db: DataSource;
  /** The one-time setup code, while setup is needed (started without ADMIN_PASSWORD). */
  setupCode: string | null;
  /** What the api printed to stdout at start (the setup code line). */
  printed: string[];
  app: NestExpressApplication;
  env: Record<string, string>;
  close(): Promise<void>;
}

export function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

export async function dropDatabase(name: string): Promise<void> {
  const u = new URL(TEST_MYSQL);
  const conn = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  } finally {
    await conn.end();
  }
}


/** `overrides` replace the test defaults; an empty string unsets one (ADMIN_PASSWORD: '' → setup wizard). */
export async function startHarness(overrides: Record<string, string> = {}): Promise<Harness> {
  const dbName = uniqueName('tc_test');
  const storage = await mkdtemp(join(tmpdir(), 'tc-storage-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: `${TEST_MYSQL.replace(/\/$/, '')}/${dbName}`,
    REDIS_URL: TEST_REDIS,
    QUEUE_PREFIX: uniqueName('tctest'),
    STORAGE_DIR: storage,
    ADMIN_PASSWORD,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...overrides,
  };
  const loaded = loadConfig(env);
  const logger = createLogger(loaded.logLevel, 'api-test');
  const { dataSource } = await openAppDatabase(loaded.databaseUrl, { poolSize: 5, log: logger, queryTimeoutMs: loaded.dbQueryTimeoutMs });
  const printed: string[] = [];
  const { config, setupCode } = await startInstallation(dataSource, loaded, logger, (line) => printed.push(line));
  const app = await createApi(config, dataSource, logger);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    config,
    db: dataSource,
    setupCode,
    printed,
    app,
    env,
    async close() {
      await app.close();
      await dropDatabase(dbName);
      await deleteRedisPrefix(TEST_REDIS, config.queuePrefix);
      await rm(storage, { recursive: true, force: true });
    },
  };
}
