// Names of notification kinds, delivery channels and states, and group-chat event categories,
// in both languages, for the notification centre and the admin screens.
import type { ChannelEvent, DeliveryChannel, DeliveryStatus, Notification } from '../../api/types';

type Label = { zh: string; en: string };
type Colored = Label & { color: string };

export const KIND_LABELS: Record<Notification['kind'], Colored> = {
  due_soon: { zh: '即将截止', en: 'Due soon', color: 'gold' },
  due_today: { zh: '今日截止', en: 'Due today', color: 'orange' },
  overdue: { zh: '已逾期', en: 'Overdue', color: 'red' },
  escalation: { zh: '催报', en: 'Escalation', color: 'volcano' },
  extracted: { zh: '已抽取', en: 'Extracted', color: 'green' },
  extraction_failed: { zh: '抽取失败', en: 'Extraction failed', color: 'red' },
  // a notice about a flag is named as the flag (FLAG_LABELS in @thermocline/contracts; written out
  // here so the notification pages do not load the flag table's chunk)
  cold: { zh: '偏冷', en: 'Cold', color: 'blue' },
  declining: { zh: '持续降温', en: 'Declining', color: 'cyan' },
  test: { zh: '测试', en: 'Test', color: 'default' },
};

export const CHANNEL_LABELS: Record<DeliveryChannel, Label> = {
  email: { zh: '邮件', en: 'E-mail' },
  generic: { zh: 'Webhook', en: 'Webhook' },
  wecom: { zh: '企业微信', en: 'WeCom' },
  dingtalk: { zh: '钉钉', en: 'DingTalk' },
  feishu: { zh: '飞书', en: 'Feishu' },
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, Colored> = {
  pending: { zh: '待发送', en: 'Pending', color: 'default' },
  deferred: { zh: '免打扰延后', en: 'Held (quiet hours)', color: 'purple' },
  retrying: { zh: '重试中', en: 'Retrying', color: 'orange' },
  delivered: { zh: '已送达', en: 'Delivered', color: 'green' },
  failed: { zh: '发送失败', en: 'Failed', color: 'red' },
};

export const EVENT_LABELS: Record<ChannelEvent, Label> = {
  reminder: { zh: '截止提醒', en: 'Due-date reminders' },
  escalation: { zh: '逾期上报领导', en: 'Escalations' },
  extraction: { zh: '抽取结果', en: 'Extraction results' },
  flag: { zh: '偏冷/降温预警', en: 'Cold / declining flags' },
};

export const WEBHOOK_TYPES = ['wecom', 'dingtalk', 'feishu', 'generic'] as const;
export const DELIVERY_STATUSES: DeliveryStatus[] = ['failed', 'retrying', 'deferred', 'pending', 'delivered'];
export const DELIVERY_CHANNELS: DeliveryChannel[] = ['email', 'wecom', 'dingtalk', 'feishu', 'generic'];
