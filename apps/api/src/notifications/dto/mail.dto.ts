import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { PlainText } from '../../common/plain-text';

/** A host name or an IPv4/IPv6 address, without scheme or port. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|[0-9A-Fa-f:.]{2,45})$/;
const ADDRESS = String.raw`[^\s@<>"()\[\],;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+`;
/** 'noreply@x.gov.cn' or '某局意识形态工作 <noreply@x.gov.cn>'. */
export const FROM = new RegExp(`^(?:${ADDRESS}|[^<>\\r\\n"]{1,100}\\s*<${ADDRESS}>)$`);

export const MAIL_SOURCES = ['env', 'stored', 'none'] as const;

export class MailSettingsInputDto {
  @ApiProperty({ example: 'smtp.example.gov.cn', description: 'Host name or IP of the SMTP server (no scheme, no port)' })
  @IsString({ message: '请填写邮件服务器地址' })
  @Matches(HOST, { message: '服务器地址应为域名或 IP 地址，例如 smtp.example.gov.cn（不要带 smtp:// 或端口号）' })
  host!: string;

  @ApiProperty({ example: 465, description: '465 (SSL/TLS), 587 or 25 (STARTTLS when offered)' })
  @IsInt({ message: '端口必须是 1-65535 的整数（常用 465、587 或 25）' })
  @Min(1, { message: '端口必须是 1-65535 的整数（常用 465、587 或 25）' })
  @Max(65535, { message: '端口必须是 1-65535 的整数（常用 465、587 或 25）' })
  port!: number;

  @ApiProperty({ description: 'Implicit TLS from the first byte (port 465); false = plain, upgraded with STARTTLS when the server offers it' })
  @IsBoolean({ message: '“SSL/TLS”须为是或否' })
  secure!: boolean;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'noreply@example.gov.cn', description: 'Login name; empty or null = the server needs no authentication' })
  @IsOptional()
  @IsString({ message: '用户名须为文字' })
  @MaxLength(255, { message: '用户名最多 255 个字符' })
  @PlainText('用户名')
  username?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Empty or left out: keep the stored password. Stored encrypted, never returned.' })
  @IsOptional()
  @IsString({ message: '密码须为文字' })
  @MaxLength(512, { message: '密码最多 512 个字符' })
  password?: string | null;

  @ApiProperty({ example: '某局意识形态工作 <noreply@example.gov.cn>', description: 'The From of every e-mail' })
  @IsString({ message: '请填写发件人' })
  @MaxLength(320, { message: '发件人最多 320 个字符' })
  @PlainText('发件人')
  @Matches(FROM, { message: '发件人应为邮箱地址，或“名称 <邮箱地址>”，例如：某局意识形态工作 <noreply@example.gov.cn>' })
  from!: string;
}

export class MailServerDto {
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty() secure!: boolean;
  @ApiProperty({ type: String, nullable: true }) username!: string | null;
  @ApiProperty({ description: 'A password is stored (it is never returned)' }) passwordSet!: boolean;
  @ApiProperty() from!: string;
}

export class StoredMailDto extends MailServerDto {
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class MailSettingsDto {
  @ApiProperty({ enum: MAIL_SOURCES, description: 'Where e-mail settings come from: env (SMTP_URL/MAIL_FROM win over stored ones), stored, or none (no e-mail)' })
  source!: (typeof MAIL_SOURCES)[number];
  @ApiProperty({ description: 'false while SMTP_URL is set: stored settings are then not used and read-only' })
  editable!: boolean;
  @ApiProperty({ type: MailServerDto, nullable: true, description: 'The server in use (password never included)' })
  effective!: MailServerDto | null;
  @ApiProperty({ type: StoredMailDto, nullable: true, description: 'The settings stored by an administrator' })
  stored!: StoredMailDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the stored settings cannot be used as they are (e.g. the password must be entered again)' })
  problem!: string | null;
}

export class MailTestDto {
  @ApiProperty({ example: 'it@example.gov.cn' })
  @IsString({ message: '请填写收件邮箱' })
  @Length(3, 254, { message: '请填写收件邮箱' })
  @IsEmail({}, { message: '收件邮箱格式不正确，例如 it@example.gov.cn' })
  to!: string;
}

export class MailTestResultDto {
  @ApiProperty({ description: 'The server accepted the test mail' }) ok!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Why it failed, in words the administrator can act on (no secrets)' }) reason!: string | null;
}
