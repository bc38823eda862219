import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from './http';
import { fileForm } from './http';
import { waitFor } from './redis-server';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'documents');
export const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

export interface Accepted {
  id: number;
  version: number;
  status: string;
  duplicate?: boolean;
}

export async function upload(client: Client, unitCode: string, periodCode: string, name: string, bytes: Buffer) {
  return client.post<Accepted & { message?: string; statusCode?: number }>('/api/reports', fileForm({ unitCode, periodCode }, { name, bytes }));
}

type Row = { id: number; status: string; error: string | null };

/** Waits until every report has left queued/processing; returns them by id. */
export async function settled(client: Client, ids: number[], ms = 60_000): Promise<Map<number, Row>> {
  const want = new Set(ids);
  let rows: Row[] = [];
  await waitFor(
    async () => {
      rows = (await client.get<Row[]>('/api/reports')).body.filter((r) => want.has(r.id));
      return rows.length === want.size && rows.every((r) => r.status === 'extracted' || r.status === 'failed');
    },
    ms,
    `reports ${ids.slice(0, 5).join(',')}… to settle`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}
