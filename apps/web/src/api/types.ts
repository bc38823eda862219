// The screens' names for the generated schema's shapes (npm run gen:client).
import type { components } from './schema';

type S = components['schemas'];

export type GapLevel = S['LevelDto'];
export type GapFlag = S['FlagDto'];
export type GapOverview = S['OverviewDto'];
export type GapUnit = S['GapUnitDto'];
export type DashboardGap = S['GapDto'];
export type ComparisonUnit = S['ComparisonUnitDto'];
export type DashboardComparison = S['ComparisonDto'];
export type TrendSeries = S['TrendSeriesDto'];
export type DashboardTrend = S['TrendDto'];
export type Heatmap = S['HeatmapDto'];
export type UnitStanding = S['UnitStandingDto'];
export type MetricDefinition = S['MetricDto'];
export type ReextractRun = S['ReextractRunDto'];
export type UnclassifiedPhrase = S['UnclassifiedPhraseDto'];
export type AnalyticsConfig = S['AnalyticsConfigDto'];
export type AnalyticsSettings = S['AnalyticsSettingsDto'];

// notifications
export type Notification = S['NotificationDto'];
export type NotificationList = S['NotificationListDto'];
export type DeliveryState = S['DeliveryStateDto'];
export type NotificationPreferences = S['PreferencesDto'];
export type WebhookSettings = S['WebhookSettingsDto'];
export type WebhookInput = S['WebhookInputDto'];
export type WebhookType = WebhookSettings['type'];
export type Channel = S['ChannelDto'];
export type CreateChannel = S['CreateChannelDto'];
export type UpdateChannel = S['UpdateChannelDto'];
export type ChannelEvent = Channel['events'][number];
export type DeliveryLogItem = S['DeliveryLogItemDto'];
export type DeliveryLog = S['DeliveryLogDto'];
export type DeliveryStatus = DeliveryState['status'];
export type DeliveryChannel = DeliveryState['channel'];

/** One set of reminder rules (GET/PUT /api/reminders/rules answer {rules, defaults}). */
export type ReminderRules = S['ReminderRuleSetDto'];

// e-mail (SMTP) settings
export type MailSettings = S['MailSettingsDto'];
export type MailSettingsInput = S['MailSettingsInputDto'];
export type MailTestResult = S['MailTestResultDto'];
