import { Body, Controller, Get, HttpCode, Post, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Access, CurrentUser, Public, type ScopedRequest } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, LoginResultDto, SessionUserDto } from './dto/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @ApiOperation({ summary: 'Sign in; answers a bearer token that expires after JWT_TTL' })
  @ApiOkResponse({ type: LoginResultDto })
  @ApiUnauthorizedResponse({ description: 'Bad credentials' })
  @ApiTooManyRequestsResponse({ description: 'Too many failed attempts: locked for LOGIN_LOCK_MINUTES' })
  login(@Body() body: LoginDto, @Req() req: ScopedRequest): Promise<LoginResultDto> {
    // req.ip is the socket's address unless TRUST_PROXY names the proxy in front.
    return this.auth.login(body.username, body.password, req.ip ?? 'unknown');
  }

  @Get('me')
  @Access({ roles: 'any', beforePasswordChange: true })
  @ApiBearerAuth()
  @ApiOkResponse({ type: SessionUserDto })
  me(@CurrentUser() user: AuthUser): Promise<SessionUserDto> {
    return this.auth.sessionUser(user.id);
  }

  @Post('refresh')
  @HttpCode(200)
  @Access({ roles: 'any' })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Exchange a valid token for a fresh one (sliding session)' })
  @ApiOkResponse({ type: LoginResultDto })
  refresh(@CurrentUser() user: AuthUser): Promise<LoginResultDto> {
    return this.auth.refresh(user);
  }

  @Put('password')
  @Access({ roles: 'any', beforePasswordChange: true })
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the own password; every earlier token stops working' })
  @ApiOkResponse({ type: LoginResultDto })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<LoginResultDto> {
    return this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }
}
