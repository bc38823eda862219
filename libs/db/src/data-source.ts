import { createConnection } from 'mysql2/promise';
import { DataSource, type Logger, type LoggerOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DatabaseTarget {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

/** `mysql://user:pass@host:3306/name` → connection parts. Throws a one-line message when malformed. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL is not a URL: expected mysql://user:password@host:3306/database`);
  }
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new Error(`DATABASE_URL must start with mysql:// (got ${u.protocol}//)`);
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]{1,64}$/.test(database)) {
    throw new Error('DATABASE_URL must name a database of letters, digits and _ (e.g. /thermocline)');
  }
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    database,
  };
}

export type ServerFlavour = 'mysql' | 'mariadb';

/**
 * Creates the database when it is missing (first start on a fresh server) and tells which server
 * this is: TypeORM reads MariaDB's catalogue differently (column defaults, JSON), so it must know.
 */
export async function ensureDatabase(target: DatabaseTarget): Promise<ServerFlavour> {
  const conn = await createConnection({ host: target.host, port: target.port, user: target.user, password: target.password, connectTimeout: 5000 });
  try {
    await conn.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const [rows] = await conn.query('SELECT VERSION() AS v');
    return /mariadb/i.test(String((rows as { v: string }[])[0]?.v)) ? 'mariadb' : 'mysql';
  } finally {
    await conn.end();
  }
}

export interface DataSourceOptions {
  url: string;
  /** Which server (see ensureDatabase); defaults to mysql. */
  flavour?: ServerFlavour;
  poolSize?: number;
  logging?: LoggerOptions;
  /** Where TypeORM's log lines go (default: its console logger, which prints query values). */
  logger?: Logger;
  /**
   * A query unanswered this long fails with PROTOCOL_SEQUENCE_TIMEOUT (unset: waits forever). A
   * server that hangs without closing its sockets would otherwise hold every request.
   */
  queryTimeoutMs?: number;
}

export function createDataSource(options: DataSourceOptions): DataSource {
  const t = parseDatabaseUrl(options.url);
  return new DataSource({
    type: options.flavour ?? 'mysql',
    host: t.host,
    port: t.port,
    username: t.user,
    password: t.password,
    database: t.database,
    charset: 'utf8mb4_unicode_ci',
    // Datetimes are stored and read as UTC; the application never relies on the server's zone.
    timezone: 'Z',
    poolSize: options.poolSize ?? 10,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: options.logging ?? ['error', 'warn'],
    ...(options.logger ? { logger: options.logger } : {}),
    // Fail fast when the server is unreachable instead of hanging a request for the default 10 s.
    connectTimeout: 5000,
    extra: { enableKeepAlive: true, idleTimeout: 60000, maxIdle: 5 },
    ...(options.queryTimeoutMs ? { enableQueryTimeout: true, maxQueryExecutionTime: options.queryTimeoutMs } : {}),
  });
}

const MIGRATION_LOCK = 'thermocline_migrations';

/**
 * Runs pending migrations under a server-side named lock, so an api and several workers starting
 * together never run the same migration twice.
 */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, 120) AS got', [MIGRATION_LOCK])) as { got: number | string }[];
    if (Number(row?.got) !== 1) throw new Error('Timed out waiting for another process to finish database migrations');
    try {
      const done = await ds.runMigrations({ transaction: 'each' });
      return done.map((m) => m.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Creates the database if needed, connects and migrates: what both api and worker do at start. */
export async function openDatabase(options: DataSourceOptions): Promise<{ dataSource: DataSource; migrated: string[] }> {
  const flavour = await ensureDatabase(parseDatabaseUrl(options.url));
  // Migrations on a pool of their own, without the query timeout: an ALTER of a big table may
  // rightly take longer than any request should. (Two connections: one holds the migration lock.)
  const migrator = createDataSource({ ...options, flavour, poolSize: 2, queryTimeoutMs: undefined });
  await migrator.initialize();
  let migrated: string[];
  try {
    migrated = await runMigrations(migrator);
  } finally {
    await migrator.destroy();
  }
  const dataSource = createDataSource({ ...options, flavour });
  await dataSource.initialize();
  return { dataSource, migrated };
}
