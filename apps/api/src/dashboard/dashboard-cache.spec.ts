import { gunzipSync } from 'node:zlib';
import { DashboardCache, plainJson } from './dashboard-cache';

describe('DashboardCache', () => {
  it('computes once per stamp and again when the stamp moves', async () => {
    const cache = new DashboardCache();
    let builds = 0;
    const build = async () => `{"n":${++builds}}`;
    const a = await cache.response('gap:1:1', 's1', build);
    const b = await cache.response('gap:1:1', 's1', build);
    expect(b).toBe(a);
    expect(a.body.toString()).toBe('{"n":1}');
    expect((await cache.response('gap:1:1', 's2', build)).body.toString()).toBe('{"n":2}');
  });

  it('lets concurrent misses of one key share one computation', async () => {
    const cache = new DashboardCache();
    let builds = 0;
    const slow = () => new Promise<number[]>((resolve) => setTimeout(() => resolve([++builds]), 20));
    const [x, y] = await Promise.all([cache.get('stats:1', 's', slow, (v) => v.length), cache.get('stats:1', 's', slow, (v) => v.length)]);
    expect(x).toBe(y);
    expect(builds).toBe(1);
  });

  it('keeps no failed computation', async () => {
    const cache = new DashboardCache();
    await expect(cache.get('k', 's', () => Promise.reject(new Error('db down')), () => 1)).rejects.toThrow('db down');
    await expect(cache.get('k', 's', () => Promise.resolve('ok'), () => 1)).resolves.toBe('ok');
  });

  it('keeps large answers gzipped only, and inflates them for a client without gzip', async () => {
    const cache = new DashboardCache();
    expect(await cache.response('small', 's', async () => '{}')).toEqual({ body: Buffer.from('{}'), gzipped: false });
    const text = JSON.stringify({ units: Array.from({ length: 2000 }, (_, i) => ({ code: `u${i}` })) });
    const big = await cache.response('big', 's', async () => Buffer.from(text));
    expect(big.gzipped).toBe(true);
    expect(big.body.length).toBeLessThan(text.length / 4);
    expect(gunzipSync(big.body).toString()).toBe(text);
    expect((await plainJson(big)).toString()).toBe(text);
  });

  it('drops the least recently used entries beyond its byte bound', async () => {
    const cache = new DashboardCache();
    const mb = 1024 * 1024;
    let builds = 0;
    const value = () => Promise.resolve(++builds);
    await cache.get('old', 's', value, () => 60 * mb);
    await cache.get('used', 's', value, () => 60 * mb);
    await cache.get('old', 's', value, () => 60 * mb); // a hit: 'old' is now the most recent
    await cache.get('new', 's', value, () => 60 * mb); // 180 MB > 128 MB: 'used' goes
    expect(builds).toBe(3);
    await cache.get('old', 's', value, () => 60 * mb);
    expect(builds).toBe(3);
    await cache.get('used', 's', value, () => 60 * mb);
    expect(builds).toBe(4);
  });
});
