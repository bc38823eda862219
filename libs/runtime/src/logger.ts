import pino, { type Logger } from 'pino';
import type { Logger as TypeormLogger } from 'typeorm';
import { currentContext } from './context';

/**
 * pino's error serializer without the values of a failed query: TypeORM's QueryFailedError carries
 * `parameters` (a password hash, a robot's signing secret, a webhook token…) and mysql2's error a
 * `sql` with those values inlined. The statement with its placeholders is kept; values never are.
 */
export function serializeError(e: unknown): Record<string, unknown> {
  const out = pino.stdSerializers.err(e as Error) as unknown as Record<string, unknown>;
  if (!out || typeof out !== 'object') return out;
  const strip = (o: Record<string, unknown>) => {
    if (Array.isArray(o.parameters)) o.parameters = `[${o.parameters.length} hidden]`;
    delete o.sql;
  };
  strip(out);
  if (out.driverError && typeof out.driverError === 'object') {
    const driver = { ...(out.driverError as Record<string, unknown>) };
    strip(driver);
    out.driverError = driver;
  }
  return out;
}

/**
 * Structured JSON logs (one object per line) with the request id of the current request or job.
 * Secrets never reach here: config is logged through describeConfig, and request logs carry no
 * headers or bodies.
 */
export function createLogger(level: string, service: string): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    serializers: { err: serializeError },
    redact: { paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'accessToken', 'authorization', '*.authorization'], censor: '[redacted]' },
    mixin() {
      const ctx = currentContext();
      return ctx ? { requestId: ctx.requestId, ...(ctx.username ? { user: ctx.username } : {}) } : {};
    },
  });
}

/**
 * TypeORM's own log lines (failed and slow queries, schema warnings) as JSON through pino. Its
 * default console logger prints every failed query with its parameters, values included; this one
 * logs the statement with placeholders and how many values it had, never the values.
 */
export class PinoTypeormLogger implements TypeormLogger {
  constructor(private readonly logger: Logger) {}

  logQuery(query: string, parameters?: unknown[]) {
    // Called for every query: build nothing unless trace is on.
    if (this.logger.isLevelEnabled('trace')) this.logger.trace({ query, parameterCount: parameters?.length ?? 0 }, 'query');
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]) {
    const message = typeof error === 'string' ? error : error.message;
    this.logger.error({ query, parameterCount: parameters?.length ?? 0, error: message }, 'query failed');
  }
  logQuerySlow(time: number, query: string, parameters?: unknown[]) {
    this.logger.warn({ query, parameterCount: parameters?.length ?? 0, ms: time }, 'slow query');
  }
  logSchemaBuild(message: string) {
    this.logger.debug({ context: 'schema' }, message);
  }
  logMigration(message: string) {
    this.logger.info({ context: 'migration' }, message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown) {
    this.logger[level === 'warn' ? 'warn' : 'info']({ context: 'typeorm' }, String(message));
  }
}
