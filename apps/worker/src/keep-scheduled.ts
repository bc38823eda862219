import type IORedis from 'ioredis';
import type { Logger } from 'pino';

/**
 * Registers a processor's BullMQ job schedulers now and again whenever Redis is ready after an
 * outage: a Redis that lost its data lost its schedulers too. A failure is logged, never thrown —
 * the next `ready` tries again, and a worker must not die because Redis is away at start.
 */
export async function keepScheduled(redis: IORedis, logger: Logger, what: string, register: () => Promise<unknown>): Promise<void> {
  const attempt = () => register().catch((e: unknown) => logger.warn({ err: e instanceof Error ? e.message : String(e) }, `could not schedule ${what}`));
  redis.on('ready', () => void attempt());
  await attempt();
}
