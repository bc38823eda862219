import { BadRequestException, HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@thermocline/config';
import { normalizeUsername } from '@thermocline/contracts';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { LoginResultDto, SessionUserDto } from './dto/login.dto';
import { LoginLimiter } from './login-limiter.service';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password';

interface TokenClaims {
  sub: string;
  /** token version: a password change or disable invalidates every earlier token */
  tv: number;
  /** token id: refresh revokes the token it replaces by this */
  jti: string;
  /** session start (epoch s): the sign-in this token descends from; SESSION_MAX counts from it */
  ss: number;
  exp: number;
}

const BAD_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async login(rawUsername: string, password: string, ip: string): Promise<LoginResultDto> {
    const username = normalizeUsername(rawUsername);
    // The collation may still match a variant (accents: "léadd" = "leadd"); such an attempt counts
    // against the user it found and never signs in, so the lock is on the account, not the string.
    const found = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const subject = found ? `user:${found.id}` : `name:${username}`;
    const wait = await this.limiter.attempt(subject, ip);
    if (wait > 0) {
      throw new HttpException(
        `登录失败次数过多，账号已临时锁定，请 ${Math.ceil(wait / 60)} 分钟后再试，或联系管理员重置密码`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = found?.username === username ? found : null;
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password);
    if (!user || !ok || user.disabled) throw new UnauthorizedException(BAD_CREDENTIALS);
    await this.limiter.succeeded(subject, ip);
    const now = new Date();
    await this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { lastLoginAt: now });
      await writeAudit(m, { action: 'auth.login', entity: 'user', entityId: user.id, actor: { userId: user.id, name: user.username } });
    });
    return this.issue(user);
  }

  /** A token for `user`, in the session that started at `sessionStart` (never outliving SESSION_MAX). */
  async issue(user: UserEntity, sessionStart = Math.floor(Date.now() / 1000)): Promise<LoginResultDto> {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = Math.min(this.config.jwtTtlSeconds, sessionStart + this.config.sessionMaxSeconds - now);
    const claims = { sub: String(user.id), tv: user.tokenVersion, ss: sessionStart };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn, jwtid: randomUUID() });
    return { accessToken, expiresIn, user: await this.sessionUser(user.id) };
  }

  /** Verifies a bearer token and loads its user with the unit that roots their scope. */
  async authenticate(token: string): Promise<AuthUser> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
    } catch (e) {
      const expired = e instanceof Error && e.name === 'TokenExpiredError';
      throw new UnauthorizedException(expired ? '登录已过期，请重新登录' : '登录凭证无效，请重新登录');
    }
    // A token signed with the same secret for another purpose (a queue ticket, sub "queues") or a
    // malformed one must be refused here, not reach SQL as NaN.
    // A token without exp never expires (jsonwebtoken accepts it): refused, like one without an id
    // or a session start (which refresh and SESSION_MAX need).
    if (
      'aud' in claims || // a queue-board ticket or cookie: never a session token
      typeof claims.sub !== 'string' ||
      !/^[1-9]\d{0,9}$/.test(claims.sub) ||
      !Number.isSafeInteger(claims.tv) ||
      !Number.isSafeInteger(claims.exp) ||
      !Number.isSafeInteger(claims.ss) ||
      typeof claims.jti !== 'string' ||
      !/^[0-9a-f-]{36}$/.test(claims.jti)
    ) {
      throw new UnauthorizedException('登录凭证无效，请重新登录');
    }
    // Redis away: refreshed-away tokens are honoured until they expire rather than refusing everyone.
    if (await this.redis.exists(this.revokedKey(claims.jti)).catch(() => 0)) throw new UnauthorizedException('登录凭证已失效，请重新登录');
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS displayName', 'u.role AS role'])
      .addSelect(['u.disabled AS disabled', 'u.token_version AS tv', 'u.must_change_password AS mustChange', 'un.id AS unitId', 'un.code AS unitCode'])
      .addSelect(['un.path AS unitPath', 'un.level AS unitLevel'])
      .from(UserEntity, 'u')
      .innerJoin(UnitEntity, 'un', 'un.id = u.unit_id')
      .where('u.id = :id', { id: Number(claims.sub) })
      .getRawOne<Record<string, string | number>>();
    if (!row || Number(row.disabled) === 1 || Number(row.tv) !== claims.tv) {
      throw new UnauthorizedException('登录凭证已失效，请重新登录');
    }
    return {
      id: Number(row.id),
      username: String(row.username),
      displayName: String(row.displayName),
      role: row.role as AuthUser['role'],
      unitId: Number(row.unitId),
      unitCode: String(row.unitCode),
      unitPath: String(row.unitPath),
      unitLevel: Number(row.unitLevel),
      mustChangePassword: Number(row.mustChange) === 1,
      token: { jti: claims.jti, exp: claims.exp, ss: claims.ss },
    };
  }

  private revokedKey(jti: string): string {
    return `${this.config.queuePrefix}:revoked-token:${jti}`;
  }

  async sessionUser(userId: number): Promise<SessionUserDto> {
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS displayName', 'u.role AS role'])
      .addSelect(['un.code AS unitCode', 'un.name AS unitName', 'un.level AS unitLevel', 'u.must_change_password AS mustChange'])
      .from(UserEntity, 'u')
      .innerJoin(UnitEntity, 'un', 'un.id = u.unit_id')
      .where('u.id = :id', { id: userId })
      .getRawOne<Record<string, string | number>>();
    if (!row) throw new UnauthorizedException('登录凭证已失效，请重新登录');
    return {
      id: Number(row.id),
      username: String(row.username),
      displayName: String(row.displayName),
      role: row.role as SessionUserDto['role'],
      unitCode: String(row.unitCode),
      unitName: String(row.unitName),
      unitLevel: Number(row.unitLevel),
      mustChangePassword: Number(row.mustChange) === 1,
    };
  }

  /**
   * Trades the token for a fresh one in the same session. The old token is revoked first, with
   * SET NX so that one token refreshes once (a stolen copy cannot fork the session), and a session
   * ends SESSION_MAX after its sign-in however often it is refreshed.
   */
  async refresh(user: AuthUser): Promise<LoginResultDto> {
    const token = user.token;
    if (!token) throw new UnauthorizedException('登录凭证无效，请重新登录');
    const now = Math.floor(Date.now() / 1000);
    if (token.ss + this.config.sessionMaxSeconds - now < 60) throw new UnauthorizedException('登录已超过最长会话时间，请重新登录');
    const ttl = Math.max(token.exp - now, 1);
    const first = await this.redis.set(this.revokedKey(token.jti), '1', 'EX', ttl, 'NX');
    if (first !== 'OK') throw new UnauthorizedException('登录凭证已失效，请重新登录');
    const entity = await this.db.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return this.issue(entity, token.ss);
  }

  async changePassword(user: AuthUser, current: string, next: string): Promise<LoginResultDto> {
    const entity = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOneOrFail();
    if (!(await verifyPassword(entity.passwordHash, current))) throw new BadRequestException('当前密码不正确');
    const problem = passwordProblem(next, user.username, [user.displayName]);
    if (problem) throw new BadRequestException(problem);
    if (entity.mustChangePassword && (await verifyPassword(entity.passwordHash, next))) {
      throw new BadRequestException('新密码不能与管理员设置的密码相同，请设置一个只有您知道的密码');
    }
    entity.passwordHash = await hashPassword(next);
    entity.tokenVersion += 1;
    entity.updatedAt = new Date();
    entity.mustChangePassword = false;
    await this.db.transaction(async (m) => {
      const patch = { passwordHash: entity.passwordHash, tokenVersion: entity.tokenVersion, updatedAt: entity.updatedAt, mustChangePassword: false };
      await m.update(UserEntity, { id: entity.id }, patch);
      await writeAudit(m, { action: 'auth.password_change', entity: 'user', entityId: entity.id });
    });
    return this.issue(entity);
  }
}
