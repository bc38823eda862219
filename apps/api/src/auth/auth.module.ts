import { Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter.service';

/**
 * Tokens and user details must not stay in a browser or proxy cache: on every auth answer, errors
 * included (installed by createApi before any route, so guard refusals carry it too).
 */
export function noStoreOnAuth(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/auth/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Login, tokens and passwords; AuthService is exported for the global AccessGuard. */
@Module({ controllers: [AuthController], providers: [AuthService, LoginLimiter], exports: [AuthService] })
export class AuthModule {}
