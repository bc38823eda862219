import { ADMIN_PASSWORD, startHarness, type Harness } from './support/harness';
import { Client } from './support/http';
import { TestRedis, waitFor } from './support/redis-server';

describe('health when Redis goes away', () => {
  let redis: TestRedis;
  let h: Harness;
  let anon: Client;

  beforeAll(async () => {
    redis = await TestRedis.create();
    h = await startHarness({ REDIS_URL: redis.url });
    anon = new Client(h.url);
  });
  afterAll(async () => {
    await h?.close();
    await redis?.stop();
  });

  it('answers 503 naming Redis while it is down, and recovers without a restart', async () => {
    expect((await anon.get('/api/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });

    await redis.stop();
    const down = await anon.get('/api/health');
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', db: 'up', redis: 'down' });
    expect(String(down.body.message)).toContain('Redis');

    // Signing in needs only MySQL: it keeps working (the failed-login counter falls back to memory).
    expect((await anon.post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);

    await redis.start();
    await waitFor(async () => (await anon.get('/api/health')).status === 200, 15_000, 'health to recover');
    expect((await anon.get('/api/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
  });
});
