import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';

/** INCR each key (starting its window on the first), answering [count, ttl] per key, in one step. */
const INCR_ALL = `
local out = {}
for _, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('EXPIRE', key, ARGV[1]) end
  out[#out + 1] = n
  out[#out + 1] = redis.call('TTL', key)
end
return out`;

/** Clears the account (KEYS[1]); takes one attempt back from the address (KEYS[2]) if it still counts. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
local n = tonumber(redis.call('GET', KEYS[2]) or '0')
if n > 0 then redis.call('DECR', KEYS[2]) end
return n`;

/**
 * Counts login attempts per account and per client address in Redis (shared by every api process).
 *
 * An attempt is counted *before* its password is checked (INCR, then compare): counting only
 * after a failure let 40 parallel guesses all read "4 failures so far" and be checked. A success
 * then clears the account's count and gives the address its attempt back. The account key is the
 * user found (`user:<id>`), or the normalised name when there is none, never the raw string.
 * If Redis is away, an in-process counter keeps the protection on.
 */
@Injectable()
export class LoginLimiter {
  private readonly memory = new Map<string, { count: number; until: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The Redis key of an account's counter: `subject` is `user:<id>` or `name:<normalised name>`. */
  accountKey(subject: string): string {
    return `${this.config.queuePrefix}:login-fail:${subject}`;
  }

  private ipKey(ip: string): string {
    return `${this.config.queuePrefix}:login-fail:ip:${ip}`;
  }

  /**
   * Counts one attempt for the account and the address. Answers the seconds until login is allowed
   * again when either is over its limit (the attempt must then be refused unchecked), else 0.
   */
  async attempt(subject: string, ip: string): Promise<number> {
    const max = this.config.login.maxFailures;
    const window = this.config.login.lockMinutes * 60;
    const keys = [this.accountKey(subject), this.ipKey(ip)];
    const limits = [max, max * 10];
    let counts: number[];
    try {
      counts = (await this.redis.eval(INCR_ALL, keys.length, ...keys, window)) as number[];
    } catch {
      counts = keys.flatMap((k) => this.memoryIncr(k, window));
    }
    let wait = 0;
    keys.forEach((_, i) => {
      if (counts[2 * i] > limits[i]) wait = Math.max(wait, Math.max(counts[2 * i + 1], 1));
    });
    return wait;
  }

  /** A correct password: the account starts afresh and the address gets its attempt back. */
  async succeeded(subject: string, ip: string): Promise<void> {
    const account = this.accountKey(subject);
    const addr = this.ipKey(ip);
    this.memory.delete(account);
    const m = this.memory.get(addr);
    if (m) m.count = Math.max(0, m.count - 1);
    await this.redis.eval(SUCCEEDED, 2, account, addr).catch(() => undefined);
  }

  private memoryIncr(key: string, window: number): [number, number] {
    const now = Date.now();
    let m = this.memory.get(key);
    if (!m || m.until < now) {
      m = { count: 0, until: now + window * 1000 };
      this.memory.set(key, m);
    }
    m.count++;
    return [m.count, Math.ceil((m.until - now) / 1000)];
  }
}
