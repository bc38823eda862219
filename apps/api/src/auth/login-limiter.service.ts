import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import { WindowCounter } from '../common/window-counter';

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
  private readonly counter: WindowCounter;

  constructor(
    @Inject(REDIS) redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.counter = new WindowCounter(redis);
  }

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
    const counts = await this.counter.add(keys, window);
    let wait = 0;
    counts.forEach((c, i) => {
      if (c.count > limits[i]) wait = Math.max(wait, c.secondsLeft);
    });
    return wait;
  }

  /** A correct password: the account starts afresh and the address gets its attempt back. */
  async succeeded(subject: string, ip: string): Promise<void> {
    await this.counter.clearAndTakeBack(this.accountKey(subject), this.ipKey(ip));
  }
}
