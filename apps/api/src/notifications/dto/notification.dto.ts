import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { DELIVERY_STATUSES, NOTIFICATION_CATEGORIES, NOTIFICATION_KINDS, WEBHOOK_TYPES } from '@thermocline/notify';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PlainText } from '../../common/plain-text';

const CHANNEL_TYPES = ['email', ...WEBHOOK_TYPES] as const;

export class DeliveryStateDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: CHANNEL_TYPES, description: 'email, or the webhook flavour' }) channel!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Held by quiet hours until then' }) notBefore!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
}

export class NotificationDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty({ description: "The rule stage: 'due:-7', 'due:0', 'due:+3', 'manual:2026-07-05', 'escalate:<unitId>', 'extracted:r12', 'flag:cold:<unitId>'" }) stage!: string;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Path of the page in the web app, e.g. /reports/12' }) link!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode!: string | null;
  @ApiProperty({ type: String, nullable: true }) unitName!: string | null;
  @ApiProperty({ type: String, nullable: true }) periodCode!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The period as people read it (2026年上半年); the code when it has no name' }) periodName!: string | null;
  @ApiProperty({ type: Number, nullable: true }) reportId!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
  @ApiProperty({ type: [DeliveryStateDto], description: 'E-mail and webhook deliveries of this notification (a failed one is shown, never dropped)' }) deliveries!: DeliveryStateDto[];
}

export class NotificationListDto {
  @ApiProperty({ type: [NotificationDto], description: 'Newest first' }) items!: NotificationDto[];
  @ApiProperty({ description: 'Unread notifications of the caller (all, not only this page)' }) unread!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Pass as ?before= for the next page; null at the end' }) nextBefore!: number | null;
}

export class NotificationQueryDto {
  @ApiPropertyOptional({ description: 'At most this many (default 50, max 200)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Only ids below this (paging)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
  @ApiPropertyOptional({ description: 'true: unread only' }) @IsOptional() @IsIn(['true', 'false']) unread?: 'true' | 'false';
}

export class ReadAllDto {
  @ApiProperty() updated!: number;
}

export class WebhookSettingsDto {
  @ApiProperty({ type: Number, nullable: true }) id!: number | null;
  @ApiProperty({ enum: WEBHOOK_TYPES }) type!: string;
  @ApiProperty({ description: 'Masked: the access token in the URL is never returned in full' }) url!: string;
  @ApiProperty() secretSet!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'First and last 4 characters of the signing secret' }) secretHint!: string | null;
  @ApiProperty() enabled!: boolean;
}

export class EmailPreferenceDto {
  @ApiProperty({ description: 'The user wants e-mail' }) enabled!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The account’s address (changed by an admin in the user record)' }) address!: string | null;
  @ApiProperty({ description: 'E-mail will really be sent: SMTP configured, an address present and enabled' }) active!: boolean;
}

export class PreferencesDto {
  @ApiProperty({ description: 'The in-app notification centre is always on' }) inApp!: boolean;
  @ApiProperty({ type: EmailPreferenceDto }) email!: EmailPreferenceDto;
  @ApiProperty({ type: WebhookSettingsDto, nullable: true, description: 'A personal robot or endpoint' }) webhook!: WebhookSettingsDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'Quiet hours in TZ_REPORTS, e.g. 22:00-07:00; null = none' }) quietHours!: string | null;
}

export class WebhookInputDto {
  @ApiProperty({ enum: WEBHOOK_TYPES }) @IsIn(WEBHOOK_TYPES) type!: string;
  @ApiPropertyOptional({ description: 'Required when none is stored yet; omitted keeps the stored one' }) @IsOptional() @IsString() @MaxLength(1000) url?: string;
  @ApiPropertyOptional({ description: 'Signing secret; omitted keeps the stored one, "" removes it' }) @IsOptional() @IsString() @MaxLength(255) secret?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ description: 'Receive e-mail' }) @IsOptional() @IsBoolean() email?: boolean;
  @ApiPropertyOptional({ type: WebhookInputDto, nullable: true, description: 'null removes the personal webhook' })
  @IsOptional()
  @ValidateNested()
  @Type(() => WebhookInputDto)
  webhook?: WebhookInputDto | null;
}

export class ChannelDto {
  @ApiProperty() id!: number;
  @ApiProperty() unitCode!: string;
  @ApiProperty() unitName!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: WEBHOOK_TYPES }) type!: string;
  @ApiProperty({ description: 'Masked' }) url!: string;
  @ApiProperty() secretSet!: boolean;
  @ApiProperty({ type: String, nullable: true }) secretHint!: string | null;
  @ApiProperty({ enum: NOTIFICATION_CATEGORIES, isArray: true }) events!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: DeliveryStateDto, nullable: true, description: 'The most recent delivery on this channel' }) lastDelivery!: DeliveryStateDto | null;
  @ApiProperty({ description: 'Permanently failed deliveries on this channel' }) failedCount!: number;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreateChannelDto {
  @ApiProperty({ description: 'The unit whose group chat this is' }) @IsString() @Length(1, 64) unitCode!: string;
  @ApiProperty({ example: '一中党总支工作群' }) @IsString() @Length(1, 100) @PlainText('渠道名称') name!: string;
  @ApiProperty({ enum: WEBHOOK_TYPES }) @IsIn(WEBHOOK_TYPES) type!: string;
  @ApiProperty() @IsString() @Length(8, 1000) url!: string;
  @ApiPropertyOptional({ description: 'DingTalk 加签 (SEC…), Feishu 签名校验 or the generic HMAC secret' }) @IsOptional() @IsString() @MaxLength(255) secret?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_CATEGORIES, isArray: true, default: ['reminder'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(4)
  @IsIn(NOTIFICATION_CATEGORIES, { each: true })
  events?: string[];
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateChannelDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) @PlainText('渠道名称') name?: string;
  @ApiPropertyOptional({ enum: WEBHOOK_TYPES }) @IsOptional() @IsIn(WEBHOOK_TYPES) type?: string;
  @ApiPropertyOptional({ description: 'Omitted keeps the stored URL' }) @IsOptional() @IsString() @Length(8, 1000) url?: string;
  @ApiPropertyOptional({ description: 'Omitted keeps the stored secret; "" removes it' }) @IsOptional() @IsString() @MaxLength(255) secret?: string;
  @ApiPropertyOptional({ enum: NOTIFICATION_CATEGORIES, isArray: true }) @IsOptional() @IsArray() @ArrayMaxSize(4) @IsIn(NOTIFICATION_CATEGORIES, { each: true }) events?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;
}

export class ChannelQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) unitCode?: string;
}

export class ChannelTestDto {
  @ApiProperty({ description: 'Follow it in the delivery log' }) deliveryId!: number;
}

export class DeliveryLogItemDto extends DeliveryStateDto {
  @ApiProperty() notificationId!: number;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Recipient user (username)' }) username!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Recipient group chat (unit code)' }) groupUnitCode!: string | null;
  @ApiProperty({ type: Number, nullable: true }) channelId!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'The e-mail address, or the masked webhook URL' }) target!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'HTTP status or SMTP reply code of the last attempt' }) responseCode!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryLogDto {
  @ApiProperty({ type: [DeliveryLogItemDto], description: 'Newest first' }) items!: DeliveryLogItemDto[];
  @ApiProperty({ description: 'Permanently failed deliveries in scope (all pages)' }) failedCount!: number;
  @ApiProperty({ type: Number, nullable: true }) nextBefore!: number | null;
}

export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CHANNEL_TYPES }) @IsOptional() @IsIn(CHANNEL_TYPES) channel?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
}

export class RunRemindersDto {
  @ApiProperty({ example: '2026-H1' }) @IsString() @Matches(/^[0-9A-Za-z][0-9A-Za-z_-]{0,31}$/) periodCode!: string;
  @ApiPropertyOptional({ description: 'One unit of the caller’s subtree; omitted = every missing unit of the subtree' }) @IsOptional() @IsString() @Length(1, 64) unitCode?: string;
}

export class UnreachableUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

export class RunRemindersResultDto {
  @ApiProperty({ description: 'Notifications created now; running again creates nothing new for the same stage (or the same day’s reminder)' }) created!: number;
  @ApiProperty({ type: [UnreachableUnitDto], description: 'Units that needed a reminder but have no secretary account and no group chat to receive it' }) unreachable!: UnreachableUnitDto[];
}

export class ReminderEventsDto {
  @ApiProperty({ description: 'Extraction finished → "please review the numbers"' }) extracted!: boolean;
  @ApiProperty({ description: 'Extraction failed → the reason and what to do' }) extractionFailed!: boolean;
  @ApiProperty({ description: 'Unit flagged cold after aggregation' }) cold!: boolean;
  @ApiProperty({ description: 'Unit flagged declining after aggregation' }) declining!: boolean;
}

/** libs/notify's ReminderRules, as the api documents it (validated by parseReminderRules). */
export class ReminderRuleSetDto {
  @ApiProperty({ type: [Number], example: [-7, -3, -1, 0, 1, 3], description: 'Days relative to the due day (negative before, 0 on it, positive after), sorted and unique; each is a stage' })
  offsets!: number[];
  @ApiProperty({ description: 'At the last stage, tell the leaders of the parent unit too' }) escalate!: boolean;
  @ApiProperty({ description: 'A stage missed on its day (no scan ran) is still sent this many days later, unless the next stage is reached' }) catchUpDays!: number;
  @ApiProperty({ type: ReminderEventsDto }) events!: ReminderEventsDto;
  @ApiProperty({ description: 'Cold/declining flags are notified only for periods due at most this many days ago' }) flagWindowDays!: number;
}

/** PUT /api/reminders/rules: any of the rules; what is left out keeps its value (documentation only — the body is checked by parseReminderRules, with its Chinese messages). */
export class ReminderRulesPatchDto extends PartialType(ReminderRuleSetDto) {}

export class ReminderRulesDto {
  @ApiProperty({ type: ReminderRuleSetDto, description: 'The rules in force' }) rules!: ReminderRuleSetDto;
  @ApiProperty({ type: ReminderRuleSetDto, description: 'The defaults, for a “reset” button' }) defaults!: ReminderRuleSetDto;
}
