import { Queue, type JobsOptions } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUES, queueOf, type JobName, type JobPayloads, type QueueName, type QueueSettings } from './registry';

/** Default job options of a queue, straight from its registry entry. */
export function jobOptionsOf(queue: QueueName): JobsOptions {
  const q: QueueSettings<JobName> = QUEUES[queue];
  return {
    attempts: q.attempts,
    backoff: q.backoff,
    removeOnComplete: q.removeOnComplete,
    removeOnFail: q.removeOnFail,
  };
}

/**
 * Typed producer over every queue of the registry. `add('extract', {reportId})` picks the queue,
 * the defaults and the payload type from the registry.
 */
export class JobQueues {
  readonly queues: Record<QueueName, Queue>;

  constructor(connection: IORedis, readonly prefix: string) {
    this.queues = Object.fromEntries(
      (Object.keys(QUEUES) as QueueName[]).map((name) => {
        const queue = new Queue(name, { connection, prefix, defaultJobOptions: jobOptionsOf(name) });
        // A Redis outage surfaces where it matters (the add that fails, health → 503); the queue's own
        // error events would only repeat it on stderr for every reconnect attempt.
        queue.on('error', () => undefined);
        return [name, queue];
      }),
    ) as Record<QueueName, Queue>;
  }

  add<J extends JobName>(job: J, data: JobPayloads[J], opts: JobsOptions = {}) {
    return this.queues[queueOf(job)].add(job, data, opts);
  }

  addBulk<J extends JobName>(job: J, items: { data: JobPayloads[J]; opts?: JobsOptions }[]) {
    return this.queues[queueOf(job)].addBulk(items.map((i) => ({ name: job, data: i.data, opts: i.opts })));
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}

/** The job id that makes a report's extraction unique in the queue (never two runs at once). */
export const extractJobId = (reportId: number): string => `report-${reportId}`;

/**
 * Enqueues a report's extraction unless it is already waiting or running. A finished job kept for
 * the queue dashboard (completed or failed) would block the id, and the database says the report
 * needs work, so it is removed first. Returns whether a job was added.
 */
export async function enqueueExtract(queue: Queue, reportId: number, force = false): Promise<boolean> {
  const jobId = extractJobId(reportId);
  const existing = await queue.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false;
    await existing.remove().catch(() => undefined);
  }
  await queue.add('extract', force ? { reportId, force } : { reportId }, { jobId });
  return true;
}

/**
 * Asks for a period's re-aggregation. Bursts (a batch of extractions, a review session) coalesce:
 * while one aggregation of the period runs, at most one more waits, carrying the latest request.
 */
export async function enqueueAggregate(queues: JobQueues, periodId: number, reason: string): Promise<void> {
  await queues.add('aggregate', { periodId, reason }, { deduplication: { id: `aggregate-${periodId}`, keepLastIfActive: true } });
}
