// Counters over a time window, in Redis (shared by every api process), for the limits on sign-in,
// setup codes and test mails. Each key's window starts at its first count. When Redis is away an
// in-process counter takes over, so no limit switches off with it.
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

/** Clears KEYS[1]; takes one count back from KEYS[2] if it still counts. */
const CLEAR_AND_TAKE_BACK = `
redis.call('DEL', KEYS[1])
local n = tonumber(redis.call('GET', KEYS[2]) or '0')
if n > 0 then redis.call('DECR', KEYS[2]) end
return n`;

export interface WindowCount {
  count: number;
  /** Seconds until the window ends (at least 1 while it counts). */
  secondsLeft: number;
}

export class WindowCounter {
  private readonly memory = new Map<string, { count: number; until: number }>();

  constructor(private readonly redis: IORedis) {}

  /** Counts one for each key, atomically in Redis. */
  async add(keys: string[], windowSeconds: number): Promise<WindowCount[]> {
    try {
      const out = (await this.redis.eval(INCR_ALL, keys.length, ...keys, windowSeconds)) as number[];
      return keys.map((_, i) => ({ count: out[2 * i], secondsLeft: Math.max(out[2 * i + 1], 1) }));
    } catch {
      return keys.map((k) => this.addLocal(k, windowSeconds));
    }
  }

  /** The key's count in its current window (0 when none). */
  async count(key: string): Promise<number> {
    try {
      return Number((await this.redis.get(key)) ?? 0);
    } catch {
      const m = this.memory.get(key);
      return m && m.until > Date.now() ? m.count : 0;
    }
  }

  /** Clears `clear` and takes one count back from `takeBack` (a sign-in that succeeded). */
  async clearAndTakeBack(clear: string, takeBack: string): Promise<void> {
    this.memory.delete(clear);
    const m = this.memory.get(takeBack);
    if (m) m.count = Math.max(0, m.count - 1);
    await this.redis.eval(CLEAR_AND_TAKE_BACK, 2, clear, takeBack).catch(() => undefined);
  }

  private addLocal(key: string, windowSeconds: number): WindowCount {
    const now = Date.now();
    let m = this.memory.get(key);
    if (!m || m.until < now) {
      m = { count: 0, until: now + windowSeconds * 1000 };
      this.memory.set(key, m);
    }
    m.count++;
    return { count: m.count, secondsLeft: Math.max(Math.ceil((m.until - now) / 1000), 1) };
  }
}
