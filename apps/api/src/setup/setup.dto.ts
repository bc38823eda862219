import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { normalizeUsername } from '@thermocline/contracts';
import { IsDefined, IsInt, IsString, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { PlainText } from '../common/plain-text';
import { CODE, CODE_MESSAGE } from '../units/dto/unit.dto';
import { USERNAME } from '../users/dto/user.dto';

export class SetupStatusDto {
  @ApiProperty({ description: 'true until the first administrator exists (the wizard is then shown)' })
  needed!: boolean;
}

export class SetupAdminDto {
  @ApiProperty({ example: 'admin', description: 'Stored normalised (NFKC, trimmed, lower case), as every user name' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeUsername(value) : value))
  @Matches(USERNAME, { message: '用户名须为 2-64 位字母、数字或 - _ .' })
  username!: string;

  @ApiProperty({ description: '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类' })
  @IsString()
  @Length(1, 128)
  password!: string;

  @ApiProperty({ example: '王明' })
  @IsString()
  @Length(1, 100, { message: '姓名须为 1-100 个字' })
  @PlainText('姓名')
  displayName!: string;
}

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
