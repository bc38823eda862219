import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter.service';

/** Login, tokens and passwords; AuthService is exported for the global AccessGuard. */
@Module({ controllers: [AuthController], providers: [AuthService, LoginLimiter], exports: [AuthService] })
export class AuthModule {}
