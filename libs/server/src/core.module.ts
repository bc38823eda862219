import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { createRedis, JobQueues } from '@thermocline/jobs';
import { Clock, FileStore } from '@thermocline/runtime';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { APP_CONFIG, LOGGER, REDIS } from './tokens';

export interface CoreModuleOptions {
  config: Readonly<AppConfig>;
  /** Already initialised and migrated (see openDatabase): start-up owns connecting. */
  dataSource: DataSource;
  logger: Logger;
  service: 'api' | 'worker';
}

/**
 * The shared building blocks of api and worker: config, the database, the request-path Redis
 * client, the typed queue producer, the file store and the logger. Global, so feature modules
 * just inject them.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown, OnModuleInit {
  constructor(
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly queues: JobQueues,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot(options: CoreModuleOptions): DynamicModule {
    const redis = createRedis(options.config.redisUrl, 'producer', `thermocline-${options.service}`);
    // Without a listener ioredis prints every reconnect error; health and callers report outages.
    redis.on('error', () => undefined);
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: DataSource, useValue: options.dataSource },
        { provide: LOGGER, useValue: options.logger },
        { provide: REDIS, useValue: redis },
        { provide: JobQueues, useFactory: () => new JobQueues(redis, options.config.queuePrefix) },
        { provide: FileStore, useValue: new FileStore(options.config.storageDir) },
        { provide: Clock, useValue: new Clock(options.config.testClockFile) },
      ],
      exports: [APP_CONFIG, DataSource, LOGGER, REDIS, JobQueues, FileStore, Clock],
    };
  }

  /**
   * Gives Redis a moment to connect before serving (the request-path client never queues commands
   * while disconnected), but starts anyway when it is down: uploads are accepted without it.
   */
  async onModuleInit(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, 3000);
      this.redis.once('ready', done);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close().catch(() => undefined);
    this.redis.disconnect();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
