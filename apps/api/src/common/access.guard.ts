import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnitEntity } from '@thermocline/db';
import { currentContext } from '@thermocline/runtime';
import { DataSource } from 'typeorm';
import { AuthService } from '../auth/auth.service';
import { ACCESS_KEY, type AccessRule, type ScopedRequest } from './access.decorator';
import { canActFor, inScope } from './auth-user';
import { outOfScope } from './errors';

/**
 * The org-scope guard every route goes through: authentication, role, and — where the route names
 * a target unit — the subtree check. Out of scope answers 404, exactly like a unit that does not
 * exist, so scope cannot be probed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly db: DataSource,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!rule) throw new ForbiddenException('此接口未声明访问规则');
    if (rule.roles === 'public') return true;

    const req = ctx.switchToHttp().getRequest<ScopedRequest>();
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException('请先登录');
    const user = await this.auth.authenticate(match[1]);
    req.user = user;
    const context = currentContext();
    if (context) {
      context.userId = user.id;
      context.username = user.username;
    }

    if (user.mustChangePassword && !rule.beforePasswordChange) {
      throw new ForbiddenException('请先修改初始密码：管理员设置的密码须在首次登录时改为只有您知道的密码');
    }
    if (rule.roles !== 'any' && !rule.roles.includes(user.role)) {
      throw new ForbiddenException('您的角色无权执行此操作');
    }
    if (rule.bureau && user.unitLevel !== 0) {
      throw new ForbiddenException('此操作影响全局（期次、指标目录、分析与提醒设置、队列），仅限局（根单位）管理员执行');
    }

    if (rule.unit) {
      const source = rule.unit.from === 'param' ? req.params : rule.unit.from === 'query' ? req.query : (req.body as Record<string, unknown> | undefined);
      const code = source?.[rule.unit.name];
      if (code !== undefined && code !== null && code !== '') {
        if (typeof code !== 'string' || code.length > 64) throw outOfScope('单位');
        const unit = await this.db.getRepository(UnitEntity).findOneBy({ code });
        if (!unit || !inScope(user, unit.path)) throw outOfScope('单位');
        if (rule.unit.write && !canActFor(user, unit)) throw outOfScope('单位');
        req.scopeUnit = unit;
      }
    }
    return true;
  }
}
