import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';

/**
 * Counts failed logins per username and per client address in Redis (shared by every api process).
 * After `maxFailures` for a username, or 10× that from one address, logins are refused until the
 * window passes. If Redis is away, an in-process counter keeps the protection on.
 */
@Injectable()
export class LoginLimiter {
  private readonly memory = new Map<string, { count: number; until: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): [string, number][] {
    const prefix = `${this.config.queuePrefix}:login-fail`;
    const max = this.config.login.maxFailures;
    return [
      [`${prefix}:user:${username.toLowerCase()}`, max],
      [`${prefix}:ip:${ip}`, max * 10],
    ];
  }

  /** Seconds until login is allowed again, or 0 when it is allowed now. */
  async lockedFor(username: string, ip: string): Promise<number> {
    let wait = 0;
    for (const [key, max] of this.keys(username, ip)) {
      const { count, ttl } = await this.read(key);
      if (count >= max) wait = Math.max(wait, ttl);
    }
    return wait;
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const window = this.config.login.lockMinutes * 60;
    for (const [key] of this.keys(username, ip)) {
      try {
        const n = await this.redis.incr(key);
        if (n === 1) await this.redis.expire(key, window);
      } catch {
        const now = Date.now();
        const m = this.memory.get(key);
        if (!m || m.until < now) this.memory.set(key, { count: 1, until: now + window * 1000 });
        else m.count++;
      }
    }
  }

  async reset(username: string): Promise<void> {
    const [userKey] = this.keys(username, '')[0];
    this.memory.delete(userKey);
    await this.redis.del(userKey).catch(() => undefined);
  }

  private async read(key: string): Promise<{ count: number; ttl: number }> {
    try {
      const [count, ttl] = await Promise.all([this.redis.get(key), this.redis.ttl(key)]);
      return { count: Number(count ?? 0), ttl: Math.max(ttl, 1) };
    } catch {
      const m = this.memory.get(key);
      const now = Date.now();
      if (!m || m.until < now) return { count: 0, ttl: 0 };
      return { count: m.count, ttl: Math.ceil((m.until - now) / 1000) };
    }
  }
}
