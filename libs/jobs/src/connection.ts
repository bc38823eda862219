import IORedis, { type RedisOptions } from 'ioredis';

export type RedisRole = 'producer' | 'worker' | 'client';

/**
 * Redis connections by role:
 * - `worker`: blocking BullMQ connections; retry forever (BullMQ requires maxRetriesPerRequest null)
 *   so a Redis restart pauses work instead of crashing the worker.
 * - `producer`/`client`: request-path connections (enqueue, rate limits, health); a command fails
 *   fast when Redis is away, so an upload can still be accepted and the sweeper enqueues it later.
 */
export function createRedis(url: string, role: RedisRole, name = 'thermocline'): IORedis {
  const common: RedisOptions = {
    connectionName: `${name}:${role}`,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    lazyConnect: false,
  };
  if (role === 'worker') {
    return new IORedis(url, { ...common, maxRetriesPerRequest: null, enableReadyCheck: false });
  }
  return new IORedis(url, {
    ...common,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    commandTimeout: 3000,
  });
}

/** Validates a redis:// URL; throws a one-line message when malformed. */
export function assertRedisUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error('REDIS_URL is not a URL: expected redis://host:6379');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`REDIS_URL must start with redis:// (got ${u.protocol}//)`);
}
