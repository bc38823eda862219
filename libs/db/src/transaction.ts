import type { DataSource, EntityManager } from 'typeorm';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

/**
 * Runs a transaction, retrying it (a few times, with jitter) when InnoDB picks it as a deadlock
 * victim — the documented answer to deadlocks between concurrent writers.
 */
export async function transactionWithRetry<T>(db: DataSource, work: (m: EntityManager) => Promise<T>, attempts = 4): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await db.transaction(work);
    } catch (e) {
      const code = (e as { code?: string; driverError?: { code?: string } }).driverError?.code ?? (e as { code?: string }).code;
      if (i >= attempts || !code || !RETRYABLE.has(code)) throw e;
      await new Promise((r) => setTimeout(r, 20 * i + Math.random() * 50));
    }
  }
}
