import { Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { QUEUES, type JobName, type JobPayloads, type QueueName, type QueueSettings } from './registry';

export type JobHandler<J extends JobName> = (job: Job<JobPayloads[J], unknown, J>) => Promise<unknown>;
export type JobHandlers = { [J in JobName]: JobHandler<J> };

/** Names declared in the registry that have no handler (the worker refuses to start with any). */
export function missingHandlers(handlers: Partial<Record<string, unknown>>, declared: readonly string[]): string[] {
  return declared.filter((name) => typeof handlers[name] !== 'function');
}

/**
 * One BullMQ Worker per queue; each switches on `job.name` (BullMQ has no named processors).
 * `concurrencyScale` lets tests and small machines run fewer jobs at once.
 */
export function startWorkers(
  connection: IORedis,
  prefix: string,
  handlers: JobHandlers,
  options: { queues?: QueueName[]; autorun?: boolean; lockMs?: number | null; concurrency?: number | null } = {},
): Worker[] {
  const names = options.queues ?? (Object.keys(QUEUES) as QueueName[]);
  const missing = missingHandlers(handlers as Partial<Record<string, unknown>>, names.flatMap((n) => [...QUEUES[n].jobs]));
  if (missing.length) throw new Error(`no handler for job(s): ${missing.join(', ')}`);
  return names.map((name) => {
    const q: QueueSettings<JobName> = QUEUES[name];
    return new Worker(
      name,
      async (job: Job) => {
        const handler = handlers[job.name as JobName] as JobHandler<JobName> | undefined;
        if (!handler) throw new Error(`no handler for job ${job.name} on queue ${name}`);
        return handler(job as Job<JobPayloads[JobName], unknown, JobName>);
      },
      {
        connection,
        prefix,
        concurrency: options.concurrency ?? q.concurrency,
        lockDuration: options.lockMs ?? q.lockDuration,
        stalledInterval: Math.min(30_000, Math.max(500, Math.floor((options.lockMs ?? q.lockDuration) / 2))),
        autorun: options.autorun ?? true,
        // Keep the fast path: a crashed worker's jobs are picked up after lockDuration.
        maxStalledCount: 2,
      },
    );
  });
}
