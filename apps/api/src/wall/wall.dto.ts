import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { GapDto, TrendDto } from '../dashboard/dto/dashboard.dto';

export class IssueWallLinkDto {
  @ApiProperty({ description: 'Where the wall is, e.g. 三楼党组会议室' }) @IsString() @Length(1, 100) name!: string;
}

export class WallLinkDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) revokedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastUsedAt!: string | null;
}

export class WallLinkIssuedDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'Shown once; only its hash is stored' }) token!: string;
  @ApiProperty({ description: 'The wall’s address (token in the fragment)' }) path!: string;
}

export class WallPeriodDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class WallDataDto {
  @ApiProperty() unitName!: string;
  @ApiProperty({ type: WallPeriodDto, nullable: true }) period!: WallPeriodDto | null;
  @ApiProperty({ type: GapDto, nullable: true }) gap!: GapDto | null;
  @ApiProperty({ type: TrendDto, nullable: true }) trend!: TrendDto | null;
  @ApiProperty({ type: [String], description: 'The organisation’s name for each level of gap.levels, by level counted from the link’s unit (0 = that unit)' })
  levelNames!: string[];
}

export class WallQueryDto {
  @ApiProperty({ required: false }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,32}$/) period?: string;
}
