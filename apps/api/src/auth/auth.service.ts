import { BadRequestException, HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@thermocline/config';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { writeAudit } from '@thermocline/runtime';
import { APP_CONFIG } from '@thermocline/server';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../common/auth-user';
import type { LoginResultDto, SessionUserDto } from './dto/login.dto';
import { LoginLimiter } from './login-limiter.service';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password';

interface TokenClaims {
  sub: string;
  /** token version: a password change or disable invalidates every earlier token */
  tv: number;
}

const BAD_CREDENTIALS = '用户名或密码错误';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    private readonly jwt: JwtService,
    private readonly limiter: LoginLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string, ip: string): Promise<LoginResultDto> {
    const wait = await this.limiter.lockedFor(username, ip);
    if (wait > 0) {
      throw new HttpException(
        `登录失败次数过多，账号已临时锁定，请 ${Math.ceil(wait / 60)} 分钟后再试，或联系管理员重置密码`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyPassword(await dummyHash(), password);
    if (!user || !ok || user.disabled) {
      await this.limiter.recordFailure(username, ip);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.limiter.reset(username);
    const now = new Date();
    await this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: user.id }, { lastLoginAt: now });
      await writeAudit(m, { action: 'auth.login', entity: 'user', entityId: user.id, actor: { userId: user.id, name: user.username } });
    });
    return this.issue(user);
  }

  async issue(user: UserEntity): Promise<LoginResultDto> {
    const claims: TokenClaims = { sub: String(user.id), tv: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, user: await this.sessionUser(user.id) };
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
    if (typeof claims.sub !== 'string' || !/^[1-9]\d{0,9}$/.test(claims.sub) || !Number.isSafeInteger(claims.tv)) {
      throw new UnauthorizedException('登录凭证无效，请重新登录');
    }
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS displayName', 'u.role AS role'])
      .addSelect(['u.disabled AS disabled', 'u.token_version AS tv', 'un.id AS unitId', 'un.code AS unitCode'])
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
    };
  }

  async sessionUser(userId: number): Promise<SessionUserDto> {
    const row = await this.db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.display_name AS displayName', 'u.role AS role'])
      .addSelect(['un.code AS unitCode', 'un.name AS unitName', 'un.level AS unitLevel'])
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
    };
  }

  async refresh(user: AuthUser): Promise<LoginResultDto> {
    const entity = await this.db.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    return this.issue(entity);
  }

  async changePassword(user: AuthUser, current: string, next: string): Promise<LoginResultDto> {
    const entity = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: user.id })
      .getOneOrFail();
    if (!(await verifyPassword(entity.passwordHash, current))) throw new BadRequestException('当前密码不正确');
    const problem = passwordProblem(next, user.username);
    if (problem) throw new BadRequestException(problem);
    entity.passwordHash = await hashPassword(next);
    entity.tokenVersion += 1;
    entity.updatedAt = new Date();
    await this.db.transaction(async (m) => {
      await m.update(UserEntity, { id: entity.id }, { passwordHash: entity.passwordHash, tokenVersion: entity.tokenVersion, updatedAt: entity.updatedAt });
      await writeAudit(m, { action: 'auth.password_change', entity: 'user', entityId: entity.id });
    });
    return this.issue(entity);
  }
}
