import { types } from 'node:util';

/**
 * True for errors that mean MySQL or Redis is unreachable right now: the api answers 503, not 500,
 * and the worker leaves the report to a retry or the sweeper instead of failing it. Socket errors
 * are made by Node's core, which may be another realm than this code (a vm context such as jest's):
 * `instanceof Error` alone misses them.
 */
export function isDependencyDown(e: unknown): 'db' | 'redis' | null {
  if (!(e instanceof Error) && !types.isNativeError(e)) return null;
  const code = (e as { code?: string }).code ?? '';
  const msg = e.message;
  if (/Connection is closed|Stream isn't writeable|MaxRetriesPerRequest|Reached the max retries|enableOfflineQueue|^Command timed out$/i.test(msg)) return 'redis';
  if (
    ['ECONNREFUSED', 'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ETIMEDOUT', 'ER_CON_COUNT_ERROR', 'ECONNRESET', 'EPIPE', 'ER_SERVER_SHUTDOWN'].includes(code) ||
    /Pool is closed|connect ECONNREFUSED|Connection lost|Can't add new command when connection is in closed state/i.test(msg)
  ) {
    return 'db';
  }
  return null;
}
