import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';

// A token bucket per channel in Redis, shared by every worker process: `capacity` tokens refilled
// at capacity per minute. Returns 0 when a token was taken, else the ms until one is available.
const TAKE = `
local cap = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local b = redis.call('HMGET', KEYS[1], 't', 'ts')
local tokens = tonumber(b[1])
local ts = tonumber(b[2])
if tokens == nil or ts == nil then tokens = cap; ts = now end
if now > ts then tokens = math.min(cap, tokens + (now - ts) * rate); ts = now end
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 't', tostring(tokens), 'ts', tostring(ts))
redis.call('PEXPIRE', KEYS[1], 120000)
return wait
`;

@Injectable()
export class DeliveryRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** E-mail shares one bucket (the SMTP server's limit); each webhook target has its own (robots allow ~20/min each). */
  async take(channel: string, channelId: number | null): Promise<number> {
    const perMinute = channel === 'email' ? this.config.deliverRate.emailPerMinute : this.config.deliverRate.webhookPerMinute;
    const key = `${this.config.queuePrefix}:notify:rate:${channel === 'email' ? 'email' : `webhook:${channelId ?? 0}`}`;
    const wait = (await this.redis.eval(TAKE, 1, key, perMinute, perMinute / 60_000, Date.now())) as number;
    return Number(wait) || 0;
  }
}
