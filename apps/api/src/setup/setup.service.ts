import { BadRequestException, ConflictException, ForbiddenException, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { setupCodeMatches, setupCompleted, writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { passwordProblem } from '../auth/password';
import { installFirstAdmin } from '../first-admin';
import { WindowCounter } from '../common/window-counter';
import type { CompleteSetupDto, SetupResultDto } from './setup.dto';

/** Wrong setup codes allowed per client address, and from everyone together, per window. */
const MAX_PER_IP = 5;
const MAX_TOTAL = 50;
const WINDOW_SECONDS = 15 * 60;

const ALREADY_DONE = '初始设置已完成，请直接登录；如忘记管理员密码，请联系其他管理员重置';

@Injectable()
export class SetupService {
  private readonly counter: WindowCounter;

  constructor(
    private readonly db: DataSource,
    @Inject(REDIS) redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.counter = new WindowCounter(redis);
  }

  async needed(): Promise<boolean> {
    return !(await setupCompleted(this.db.manager));
  }

  async complete(dto: CompleteSetupDto, ip: string): Promise<SetupResultDto> {
    if (!(await this.needed())) throw new ConflictException(ALREADY_DONE);
    const keys = [`${this.config.queuePrefix}:setup-fail:ip:${ip}`, `${this.config.queuePrefix}:setup-fail:all`];
    const counts = await Promise.all(keys.map((k) => this.counter.count(k)));
    if (counts[0] >= MAX_PER_IP || counts[1] >= MAX_TOTAL) {
      throw new HttpException('初始设置码错误次数过多，请 15 分钟后再试；设置码见服务器日志（docker compose logs api）', HttpStatus.TOO_MANY_REQUESTS);
    }
    if (!(await setupCodeMatches(this.db.manager, dto.setupCode))) {
      await this.counter.add(keys, WINDOW_SECONDS);
      await this.db.transaction((m) => writeAudit(m, { action: 'setup.code_rejected', entity: 'installation', detail: { ip }, actor: { userId: null, name: 'anonymous' } }));
      throw new ForbiddenException('初始设置码不正确：请在服务器日志中查找含“初始设置码”的一行（docker compose logs api），注意区分字母和数字');
    }
    const problem = passwordProblem(dto.admin.password, dto.admin.username, [dto.admin.displayName]);
    if (problem) throw new BadRequestException(`管理员密码不符合要求：${problem}`);

    const done = await this.db.transaction(async (m) => {
      const result = await installFirstAdmin(m, { root: dto.root, admin: dto.admin, tz: this.config.tzReports }, 'wizard');
      if (result) {
        await writeAudit(m, {
          action: 'setup.complete',
          entity: 'installation',
          detail: { username: dto.admin.username, rootCode: dto.root.code, rootName: dto.root.name, ip },
          actor: { userId: result.userId, name: dto.admin.username },
        });
      }
      return result;
    });
    if (!done) throw new ConflictException(ALREADY_DONE);
    this.logger.info({ username: dto.admin.username, unit: dto.root.code }, 'setup completed');
    return { username: dto.admin.username, rootCode: dto.root.code };
  }
}
