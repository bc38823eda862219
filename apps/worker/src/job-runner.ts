import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { createRedis, QUEUES, startWorkers, type JobHandlers, type QueueName } from '@thermocline/jobs';
import { runWithContext } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER } from '@thermocline/server';
import type { Job, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';

/**
 * Starts one BullMQ worker per registry queue with the given handlers, logs every job with its
 * duration and outcome, and closes the workers gracefully on shutdown (in-flight jobs finish or
 * are handed back to the queue).
 */
@Injectable()
export class JobRunner implements OnApplicationShutdown {
  private workers: Worker[] = [];
  private heartbeat: NodeJS.Timeout | null = null;
  private connection: IORedis | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(handlers: JobHandlers, queues?: QueueName[]): void {
    this.connection = createRedis(this.config.redisUrl, 'worker', 'thermocline-worker');
    this.connection.on('error', (e: Error) => this.logger.warn({ err: e.message }, 'redis connection error (retrying)'));
    const logged = Object.fromEntries(
      Object.entries(handlers).map(([name, handler]) => [
        name,
        async (job: Job) => {
          const started = Date.now();
          return runWithContext({ requestId: `job:${job.queueName}:${job.id}` }, async () => {
            try {
              const result: unknown = await (handler as (j: Job) => Promise<unknown>)(job);
              this.logger.info({ job: name, jobId: job.id, data: job.data as unknown, attempt: job.attemptsMade + 1, ms: Date.now() - started, outcome: 'completed' }, 'job');
              return result;
            } catch (e) {
              this.logger.warn({ job: name, jobId: job.id, data: job.data as unknown, attempt: job.attemptsMade + 1, ms: Date.now() - started, outcome: 'failed', err: e instanceof Error ? e.message : String(e) }, 'job');
              throw e;
            }
          });
        },
      ]),
    ) as unknown as JobHandlers;
    this.workers = startWorkers(this.connection, this.config.queuePrefix, logged, {
      queues,
      lockMs: this.config.workerLockMs,
      concurrency: this.config.workerConcurrency,
    });
    for (const w of this.workers) {
      w.on('error', (e) => this.logger.warn({ queue: w.name, err: e.message }, 'worker error'));
    }
    // Liveness for container health checks: touched while the workers run.
    const beat = () => writeFile(join(tmpdir(), 'thermocline-worker.alive'), String(Date.now())).catch(() => undefined);
    void beat();
    this.heartbeat = setInterval(() => void beat(), 10_000);
    this.heartbeat.unref();
    this.logger.info(
      { queues: this.workers.map((w) => ({ queue: w.name, jobs: QUEUES[w.name as QueueName].jobs, concurrency: w.concurrency })) },
      'worker started',
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await Promise.all(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
  }
}
