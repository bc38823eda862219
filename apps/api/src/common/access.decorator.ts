import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@thermocline/contracts';
import type { UnitEntity } from '@thermocline/db';
import type { Request } from 'express';
import type { AuthUser } from './auth-user';

export const ACCESS_KEY = 'thermocline:access';

/**
 * Every route declares who may call it. The global AccessGuard refuses a route without a rule,
 * so a forgotten declaration fails closed (and the permission-matrix test names it).
 *
 * `unit` names where the route's target unit code is (path param, query or body field): the
 * guard resolves it and answers 404 when it is outside the caller's subtree, or — for `write` —
 * when a secretary targets any unit but their own.
 *
 * `bureau` marks a write to what the whole bureau shares (periods, the metric catalogue, analytics
 * and reminder settings, the queue dashboard): only users of the root unit may call it, so an
 * administrator of one branch cannot change what every other branch is measured by.
 */
export interface AccessRule {
  roles: readonly Role[] | 'public' | 'any';
  unit?: { from: 'param' | 'query' | 'body'; name: string; write?: boolean };
  bureau?: boolean;
  /** Open to a user who must still replace the password an admin gave them (me, change password). */
  beforePasswordChange?: boolean;
}

export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);
export const Public = () => Access({ roles: 'public' });

export interface ScopedRequest extends Request {
  user?: AuthUser;
  scopeUnit?: UnitEntity;
  requestId?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<ScopedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a route without authentication');
  return user;
});

/** The unit resolved and scope-checked by the guard from the route's `unit` rule. */
export const ScopeUnit = createParamDecorator((_: unknown, ctx: ExecutionContext): UnitEntity | undefined => {
  return ctx.switchToHttp().getRequest<ScopedRequest>().scopeUnit;
});
