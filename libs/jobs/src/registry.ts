// The one registry of queues and jobs, shared by producers (api) and consumers (worker).
// Every queue declares all of its settings: leaving one out is a compile error, so nobody
// inherits BullMQ's defaults (no retries, keep every job forever) by accident.

/** Payload of every job, by job name. */
export interface JobPayloads {
  /** Decode, extract and store one report version. Job id = `report-<id>`: one run at a time. */
  extract: { reportId: number; force?: boolean };
  /** Enqueue every report still `queued` in MySQL (uploads accepted while Redis was down). */
  'sweep-queued': Record<string, never>;
  /**
   * Daily: originals in the file store that no report refers to (an upload whose transaction was
   * cut off and did not commit keeps its file, to be safe) are moved aside to `orphans/`.
   */
  'sweep-orphans': Record<string, never>;
  /** Recompute a period's pre-aggregated analytics (temperatures, flags, level medians). */
  aggregate: { periodId: number; reason?: string };
  /**
   * Every ten minutes: re-aggregate a period whose deadline passed, or whose reports, reviews or unit
   * tree changed, since its last aggregation (missing reports become flags; lost requests are caught up).
   */
  'analytics-tick': Record<string, never>;
  /**
   * Reminder scan (daily at REMINDER_HOUR in TZ_REPORTS, or on demand): the current stage's
   * reminders for every period near its due date, optionally one period. Idempotent: notifications
   * carry a unique dedupe key, so parallel scans create each one once.
   */
  'reminder-scan': { periodId?: number };
  /** Re-enqueues deliveries whose job was lost (Redis away between commit and enqueue). */
  'deliver-sweep': Record<string, never>;
  /** Sends one delivery (e-mail or webhook) of a notification. Job id = `delivery-<id>`. */
  deliver: { deliveryId: number };
}

export type JobName = keyof JobPayloads;

export interface QueueSettings<J extends JobName> {
  /** Job names this queue carries; the worker refuses to start if one has no handler. */
  jobs: readonly J[];
  /** Jobs processed at once by one worker process. */
  concurrency: number;
  attempts: number;
  backoff: { type: 'exponential' | 'fixed'; delay: number };
  /** How long a job may run before its lock expires and another worker may take it (ms). */
  lockDuration: number;
  /** Completed jobs kept (for the queue dashboard); failed ones are kept longer to investigate. */
  removeOnComplete: { age: number; count: number };
  removeOnFail: { age: number; count: number };
}

const DAY = 24 * 3600;

function defineQueues<T extends { [queue: string]: QueueSettings<JobName> }>(queues: T): T {
  return queues;
}

export const QUEUES = defineQueues({
  extraction: {
    jobs: ['extract'] as const,
    concurrency: 4,
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
    lockDuration: 120_000,
    removeOnComplete: { age: DAY, count: 5000 },
    removeOnFail: { age: 14 * DAY, count: 5000 },
  },
  analytics: {
    jobs: ['aggregate', 'analytics-tick'] as const,
    // One at a time: an aggregation rewrites a whole period; bursts are coalesced (aggregateJob).
    concurrency: 1,
    attempts: 5,
    backoff: { type: 'exponential', delay: 3000 },
    lockDuration: 300_000,
    removeOnComplete: { age: DAY, count: 500 },
    removeOnFail: { age: 14 * DAY, count: 1000 },
  },
  notifications: {
    jobs: ['reminder-scan', 'deliver-sweep'] as const,
    // Scans may overlap (scheduler, "remind now", several workers): the dedupe key makes that safe.
    concurrency: 4,
    attempts: 3,
    backoff: { type: 'exponential', delay: 5000 },
    lockDuration: 120_000,
    removeOnComplete: { age: DAY, count: 500 },
    removeOnFail: { age: 14 * DAY, count: 1000 },
  },
  deliver: {
    jobs: ['deliver'] as const,
    concurrency: 8,
    // 5xx and timeouts are retried with backoff 2 s, 4 s, 8 s … (about 8.5 minutes in all);
    // 4xx fails at once (UnrecoverableError). Quiet hours and rate limits delay without an attempt.
    attempts: 9,
    backoff: { type: 'exponential', delay: 2000 },
    lockDuration: 60_000,
    removeOnComplete: { age: DAY, count: 5000 },
    removeOnFail: { age: 14 * DAY, count: 5000 },
  },
  maintenance: {
    jobs: ['sweep-queued', 'sweep-orphans'] as const,
    concurrency: 1,
    attempts: 1,
    backoff: { type: 'fixed', delay: 10_000 },
    lockDuration: 60_000,
    removeOnComplete: { age: 3600, count: 100 },
    removeOnFail: { age: 7 * DAY, count: 100 },
  },
});

export type QueueName = keyof typeof QUEUES;

/** Which queue carries a job. */
export function queueOf(job: JobName): QueueName {
  for (const [name, q] of Object.entries(QUEUES) as [QueueName, QueueSettings<JobName>][]) {
    if (q.jobs.includes(job)) return name;
  }
  throw new Error(`job ${job} is declared in JobPayloads but on no queue`);
}

export const ALL_JOB_NAMES: JobName[] = (Object.values(QUEUES) as QueueSettings<JobName>[]).flatMap((q) => [...q.jobs]);
