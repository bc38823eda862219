import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { MailSettingsDto, MailSettingsInputDto, MailTestDto, MailTestResultDto } from './dto/mail.dto';
import { MailService } from './mail.service';

/** The bureau's SMTP server, set in the browser (the setup wizard and 管理 → 通知渠道). Bureau administrators only. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/mail')
export class MailController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'E-mail settings in force and where they come from (the password is never returned)' })
  @ApiOkResponse({ type: MailSettingsDto })
  get(): Promise<MailSettingsDto> {
    return this.mail.get();
  }

  @Put()
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Stores the SMTP server (password encrypted; an empty password keeps the stored one)' })
  @ApiOkResponse({ type: MailSettingsDto })
  @ApiConflictResponse({ description: 'SMTP_URL is set: the environment wins and stored settings are read-only' })
  save(@CurrentUser() user: AuthUser, @Body() body: MailSettingsInputDto): Promise<MailSettingsDto> {
    return this.mail.save(user, body);
  }

  @Delete()
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Removes the stored SMTP server (no e-mail is sent afterwards unless SMTP_URL is set)' })
  @ApiOkResponse({ type: MailSettingsDto })
  remove(): Promise<MailSettingsDto> {
    return this.mail.remove();
  }

  @Post('test')
  @HttpCode(200)
  @Access({ roles: ['admin'], bureau: true })
  @ApiOperation({ summary: 'Sends a test mail now with the settings in force; answers ok or the reason it failed' })
  @ApiOkResponse({ type: MailTestResultDto })
  @ApiTooManyRequestsResponse({ description: 'More than 5 test mails in a minute' })
  test(@CurrentUser() user: AuthUser, @Body() body: MailTestDto): Promise<MailTestResultDto> {
    return this.mail.test(user, body.to);
  }
}
