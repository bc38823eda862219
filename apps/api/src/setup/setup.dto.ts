import { ApiProperty, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PlainText } from '../common/plain-text';
import { CODE, CODE_MESSAGE } from '../units/dto/unit.dto';
import { CreateUserDto } from '../users/dto/user.dto';

export class SetupStatusDto {
  @ApiProperty({ description: 'true until the first administrator exists (the wizard is then shown)' })
  needed!: boolean;
}

/** The first administrator: the same fields and checks as any user an administrator creates. */
export class SetupAdminDto extends PickType(CreateUserDto, ['username', 'password', 'displayName'] as const) {}

export class SetupRootDto {
  @ApiProperty({ example: 'jyj', description: 'Stable code (letters, digits, - _ .)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  code!: string;

  @ApiProperty({ example: '县教育局党委' })
  @IsString()
  @Length(1, 200, { message: '单位名称须为 1-200 个字' })
  @PlainText('单位名称')
  name!: string;

  @ApiProperty({ example: 35, description: '党员数' })
  @IsInt({ message: '党员数必须是整数' })
  @Min(0)
  @Max(10_000_000)
  memberCount!: number;
}

export class CompleteSetupDto {
  @ApiProperty({ example: 'K7QM-3XRD-9PWA', description: 'The setup code printed in the api log' })
  @IsString()
  @Length(1, 64, { message: '请输入初始设置码' })
  setupCode!: string;

  @ApiProperty({ type: SetupAdminDto })
  @IsDefined({ message: '请填写管理员信息' })
  @ValidateNested()
  @Type(() => SetupAdminDto)
  admin!: SetupAdminDto;

  @ApiProperty({ type: SetupRootDto })
  @IsDefined({ message: '请填写本局（根单位）信息' })
  @ValidateNested()
  @Type(() => SetupRootDto)
  root!: SetupRootDto;
}

export class SetupResultDto {
  @ApiProperty({ description: 'Sign in with this username and the chosen password' })
  username!: string;
  @ApiProperty() rootCode!: string;
}
