import { Injectable } from '@nestjs/common';
import { gzipSync } from 'node:zlib';

interface Entry {
  stamp: string;
  json: Buffer;
  gzip: Buffer | null;
}

const MAX_BYTES = 128 * 1024 * 1024;

/**
 * Serialized dashboard answers, per caller scope, keyed by the period's aggregation time: the
 * figures only change when the worker re-aggregates, so between aggregations every leader of a
 * subtree gets the same bytes (and gzip) without touching the stats tables again. Bounded LRU;
 * concurrent misses for the same key compute once.
 */
@Injectable()
export class ResponseCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private bytes = 0;

  async get(key: string, stamp: string, build: () => Promise<string>): Promise<Entry> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const flightKey = `${key}@${stamp}`;
    const pending = this.inflight.get(flightKey);
    if (pending) return pending;
    const p = (async () => {
      const json = Buffer.from(await build());
      // Compress once per aggregation rather than once per response (level 1: most of the gain, little CPU).
      const entry: Entry = { stamp, json, gzip: json.length > 8192 ? gzipSync(json, { level: 1 }) : null };
      this.put(key, entry);
      return entry;
    })();
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
      this.bytes -= old.json.length + (old.gzip?.length ?? 0);
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.json.length + (entry.gzip?.length ?? 0);
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.json.length + (e.gzip?.length ?? 0);
    }
  }
}
