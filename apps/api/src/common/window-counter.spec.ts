import type IORedis from 'ioredis';
import { WindowCounter } from './window-counter';

// Redis that is away: every call rejects, so the in-process counter must keep the limits on.
const away = { eval: () => Promise.reject(new Error('down')), get: () => Promise.reject(new Error('down')) } as unknown as IORedis;

describe('WindowCounter with Redis away', () => {
  it('counts per key within the window and starts again after it', async () => {
    const c = new WindowCounter(away);
    await c.add(['a', 'b'], 60);
    const [a, b] = await c.add(['a', 'b'], 60);
    expect([a.count, b.count]).toEqual([2, 2]);
    expect(a.secondsLeft).toBeGreaterThanOrEqual(59);
    expect(await c.count('a')).toBe(2);
    expect(await c.count('never')).toBe(0);
    jest.useFakeTimers({ now: Date.now() + 61_000 });
    try {
      expect(await c.count('a')).toBe(0);
      expect((await c.add(['a'], 60))[0].count).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('clears one key and takes one count back from another', async () => {
    const c = new WindowCounter(away);
    await c.add(['user:1', 'ip:x'], 60);
    await c.add(['user:1', 'ip:x'], 60);
    await c.clearAndTakeBack('user:1', 'ip:x');
    expect(await c.count('user:1')).toBe(0);
    expect(await c.count('ip:x')).toBe(1);
  });
});
