import { BadRequestException, ConflictException, HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { deleteStoredMail, explainSmtpError, mailSecrets, MailSettingsSource, saveStoredMail, sendWithSettings, storedMailView, type StoredMailView } from '@thermocline/notify';
import { writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, LOGGER, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { MailServerDto, MailSettingsDto, MailSettingsInputDto, MailTestResultDto } from './dto/mail.dto';
import { WindowCounter } from '../common/window-counter';

/** Test mails per administrator per minute: enough to fix a typo, too few to relay spam. */
const TESTS_PER_MINUTE = 5;
/** A test answers within seconds: an unreachable server is reported, not waited for. */
const TEST_TIMEOUTS = { connectionMs: 10_000, greetingMs: 10_000, socketMs: 15_000 };
const ENV_WINS = '邮件设置来自环境变量 SMTP_URL / MAIL_FROM，此处不能修改；如需在页面中设置，请先从 .env 中删除这两项并重启';

/** Host, port, TLS and login name of SMTP_URL (its password is never shown). */
function describeEnv(url: string, from: string): MailServerDto {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  return { host: u.hostname, port: Number(u.port || (secure ? 465 : 587)), secure, username: u.username ? decodeURIComponent(u.username) : null, passwordSet: Boolean(u.password), from };
}

/**
 * The administrator's e-mail settings (GET/PUT/DELETE /api/admin/mail) and the test mail. The
 * password is sealed before it is stored, never returned, never logged; errors are redacted.
 *
 * The test connects to whatever host and port the administrator typed, private addresses
 * included: a bureau's mail server is usually internal, and only bureau administrators may call
 * it (rate-limited), so it is not a path for others to reach the internal network.
 */
@Injectable()
export class MailService {
  private readonly counter: WindowCounter;

  constructor(
    private readonly db: DataSource,
    private readonly mail: MailSettingsSource,
    @Inject(REDIS) redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.counter = new WindowCounter(redis);
  }

  async get(): Promise<MailSettingsDto> {
    this.mail.invalidate();
    const effective = await this.mail.effective();
    const stored = await storedMailView(this.db.manager);
    return {
      source: effective.source,
      editable: effective.source !== 'env',
      effective: effective.source === 'env' ? describeEnv(effective.url, effective.from) : stored ? this.server(stored) : null,
      stored: stored ? { ...this.server(stored), updatedAt: stored.updatedAt.toISOString() } : null,
      problem: effective.source === 'stored' ? effective.problem : null,
    };
  }

  async save(user: AuthUser, dto: MailSettingsInputDto): Promise<MailSettingsDto> {
    if (this.envWins()) throw new ConflictException(ENV_WINS);
    const username = dto.username?.trim() || null;
    const password = dto.password ? dto.password : undefined;
    await this.db.transaction(async (m) => {
      const before = await storedMailView(m);
      if (username && !password && !before?.passwordSet) throw new BadRequestException('填写了用户名时请同时填写密码（部分邮箱使用“授权码”作为密码）');
      await saveStoredMail(m, { host: dto.host.trim(), port: dto.port, secure: dto.secure, username, password, from: dto.from.trim() }, user.id, this.config.secretsKey);
      await writeAudit(m, {
        action: 'mail.update',
        entity: 'settings',
        entityId: 'mail',
        // Never the password: only whether it changed.
        detail: { host: dto.host.trim(), port: dto.port, secure: dto.secure, username, sender: dto.from.trim(), passwordChanged: password !== undefined || (username === null && Boolean(before?.passwordSet)) },
      });
    });
    this.mail.invalidate();
    this.logger.info({ host: dto.host, port: dto.port, secure: dto.secure, by: user.username }, 'mail settings stored');
    return this.get();
  }

  async remove(): Promise<MailSettingsDto> {
    if (this.envWins()) throw new ConflictException(ENV_WINS);
    await this.db.transaction(async (m) => {
      if (await deleteStoredMail(m)) await writeAudit(m, { action: 'mail.delete', entity: 'settings', entityId: 'mail' });
    });
    this.mail.invalidate();
    return this.get();
  }

  /** Sends a test mail now with the settings in force; a failure is an answer, not an error. */
  async test(user: AuthUser, to: string): Promise<MailTestResultDto> {
    await this.limit(user.id);
    this.mail.invalidate();
    const settings = await this.mail.effective();
    if (settings.source === 'none') throw new BadRequestException('尚未设置邮件服务器：请先填写并保存邮件设置');
    let reason: string | null = settings.source === 'stored' ? settings.problem : null;
    if (!reason) {
      try {
        await sendWithSettings(settings, this.testMessage(user, to), TEST_TIMEOUTS);
      } catch (e) {
        reason = explainSmtpError(e, mailSecrets(settings), settings.source === 'stored' ? settings.settings : undefined).message;
      }
    }
    await this.db.transaction((m) => writeAudit(m, { action: 'mail.test', entity: 'settings', entityId: 'mail', detail: { recipient: to, source: settings.source, ok: reason === null, reason } }));
    this.logger.info({ to, source: settings.source, ok: reason === null, reason }, 'test mail');
    return { ok: reason === null, reason };
  }

  private testMessage(user: AuthUser, to: string) {
    const when = new Date().toLocaleString('zh-CN', { timeZone: this.config.tzReports, hour12: false });
    const text = [
      '这是一封来自 Thermocline 的测试邮件。',
      '',
      '收到这封邮件，说明邮件设置正确：催报提醒和通知将通过此邮件服务器发出。',
      '',
      `发送人：${user.displayName}（${user.username}）`,
      `发送时间：${when}`,
      `系统地址：${this.config.publicUrl}`,
    ].join('\n');
    return { to, subject: '【测试邮件】Thermocline 邮件设置', text };
  }

  private server(s: StoredMailView): MailServerDto {
    return { host: s.host, port: s.port, secure: s.secure, username: s.username, passwordSet: s.passwordSet, from: s.from };
  }

  private envWins(): boolean {
    return Boolean(this.config.smtpUrl && this.config.mailFrom);
  }

  private async limit(userId: number): Promise<void> {
    const [{ count: n }] = await this.counter.add([`${this.config.queuePrefix}:mail-test:${userId}`], 60);
    if (n > TESTS_PER_MINUTE) throw new HttpException(`测试邮件发送过于频繁（每分钟最多 ${TESTS_PER_MINUTE} 封），请 1 分钟后再试`, HttpStatus.TOO_MANY_REQUESTS);
  }
}

