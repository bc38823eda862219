import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { normalizeUsername, ROLES, type Role } from '@thermocline/contracts';
import { PlainText } from '../../common/plain-text';

export const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{1,63}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.san', description: 'Stored normalised (NFKC, trimmed, lower case): "Admin " and "ａｄｍｉｎ" are "admin"' })
  // Normalised before the pattern and the duplicate check, so a variant of a name in use is refused as that name.
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUsername(value) : value))
  @Matches(USERNAME, { message: '用户名须为 2-64 位字母、数字或 - _ .' })
  username!: string;

  @ApiProperty({ description: '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类' })
  @IsString()
  @Length(1, 128)
  password!: string;

  @ApiProperty({ example: '张三' })
  @IsString()
  @Length(1, 100, { message: '姓名须为 1-100 个字' })
  @PlainText('姓名')
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: '角色须为 admin、leader 或 secretary' })
  role!: Role;

  @ApiProperty({ example: 'school-1' })
  @IsString()
  @Length(1, 64)
  unitCode!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: '邮箱格式不正确' })
  email?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @PlainText('姓名')
  displayName?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES, { message: '角色须为 admin、leader 或 secretary' })
  role?: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 64)
  unitCode?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: '邮箱格式不正确' })
  email?: string | null;

  @ApiPropertyOptional({ description: 'A disabled user cannot sign in; their tokens stop working at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;

  @ApiPropertyOptional({ description: 'Reset the password (every earlier token stops working)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  password?: string;
}

export class UserDto {
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastLoginAt!: string | null;
}
