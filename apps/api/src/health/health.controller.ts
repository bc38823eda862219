import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { REDIS } from '@thermocline/server';
import type { Response } from 'express';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../common/access.decorator';

class HealthDto {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
  @ApiProperty({ enum: ['up', 'down'] }) redis!: 'up' | 'down';
  @ApiProperty({ required: false }) message?: string;
}

/** Resolves to false when `p` does not settle within `ms` (a hung dependency must not hang health). */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p.then(() => true), new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms)))]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'MySQL or Redis is down; the body says which' })
  async check(@Res() res: Response): Promise<void> {
    const [dbUp, redisUp] = await Promise.all([within(this.db.query('SELECT 1'), 2000), within(this.redis.ping(), 2000)]);
    const body: HealthDto = { status: dbUp && redisUp ? 'ok' : 'error', db: dbUp ? 'up' : 'down', redis: redisUp ? 'up' : 'down' };
    if (!dbUp || !redisUp) {
      body.message = [!dbUp && '数据库（MySQL）不可用', !redisUp && '队列服务（Redis）不可用'].filter(Boolean).join('；');
    }
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.status === 'ok' ? 200 : 503).json(body);
  }
}
