import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'leader' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'Dangjian-2026' })
  @IsString()
  @Length(1, 128)
  password!: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @Length(1, 128)
  currentPassword!: string;

  @ApiProperty({ description: '至少 10 位，含大写字母、小写字母、数字、符号中的至少三类，且不是常见或容易猜到的密码' })
  @IsString()
  @Length(1, 128)
  newPassword!: string;
}

export class SessionUserDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['admin', 'leader', 'secretary'] }) role!: 'admin' | 'leader' | 'secretary';
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ description: 'Absolute level of the user unit (0 = bureau)' }) unitLevel!: number;
  @ApiProperty({ description: 'Signed in with a password an admin set: only me and PUT /auth/password answer until it is changed' })
  mustChangePassword!: boolean;
}

export class LoginResultDto {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ description: 'Seconds until the token expires' }) expiresIn!: number;
  @ApiProperty({ type: SessionUserDto }) user!: SessionUserDto;
}
