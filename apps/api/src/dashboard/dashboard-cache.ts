import { Injectable } from '@nestjs/common';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/**
 * A serialized answer: its JSON, gzipped when large enough to be worth it. A gzipped answer keeps only
 * that form — a tenth of the bytes, so ten times the answers fit in the bound; the rare client that
 * does not accept gzip gets it inflated (`plainJson`).
 */
export interface CachedResponse {
  body: Buffer;
  gzipped: boolean;
}

export function plainJson(r: CachedResponse): Promise<Buffer> {
  return r.gzipped ? gunzipAsync(r.body) : Promise.resolve(r.body);
}

interface Entry {
  stamp: string;
  value: unknown;
  bytes: number;
}

const MAX_BYTES = 128 * 1024 * 1024;

/**
 * The dashboard's one cache. Everything it holds is derived from a period's aggregated rows (and
 * the unit tree), so each entry is valid for one stamp (`DashboardService.stamp`: aggregation time,
 * tree change, period change): between aggregations every leader of a subtree gets the same bytes
 * without touching the stats tables again, and the comparison's per-period row sets are shared
 * across scopes. LRU bounded by (estimated) bytes; concurrent misses of one key compute once; a
 * failed computation is not kept.
 */
@Injectable()
export class DashboardCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private bytes = 0;

  /** A serialized answer, gzipped once per stamp rather than once per response. */
  response(key: string, stamp: string, build: () => Promise<string | Buffer>): Promise<CachedResponse> {
    return this.get(
      `response:${key}`,
      stamp,
      async () => {
        const built = await build();
        const json = typeof built === 'string' ? Buffer.from(built) : built;
        if (json.length <= 8192) return { body: json, gzipped: false };
        // Level 1: most of the gain for little CPU; on libuv's thread pool, so a megabyte being
        // compressed does not hold up the requests queued behind it; large chunks, few callbacks.
        return { body: await gzipAsync(json, { level: 1, chunkSize: 256 * 1024 }), gzipped: true };
      },
      (r) => r.body.length,
    );
  }

  /** Any value valid for `stamp`; `size` estimates the bytes it holds (for the bound). */
  async get<T>(key: string, stamp: string, build: () => Promise<T>, size: (value: T) => number): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as T;
    }
    const flightKey = `${key}@${stamp}`;
    const pending = this.inflight.get(flightKey);
    if (pending) return pending as Promise<T>;
    const p = build().then((value) => {
      this.put(key, { stamp, value, bytes: size(value) });
      return value;
    });
    this.inflight.set(flightKey, p);
    try {
      return await p;
    } finally {
      this.inflight.delete(flightKey);
    }
  }

  private put(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}
