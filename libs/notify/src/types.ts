// The vocabulary of notifications, shared by the api, the worker and (through the OpenAPI
// document) the web app.

export const NOTIFICATION_KINDS = ['due_soon', 'due_today', 'overdue', 'escalation', 'extracted', 'extraction_failed', 'cold', 'declining', 'test'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a unit's group chat can subscribe to (a kind belongs to one category). */
export const NOTIFICATION_CATEGORIES = ['reminder', 'escalation', 'extraction', 'flag'] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export function categoryOf(kind: NotificationKind): NotificationCategory | null {
  switch (kind) {
    case 'due_soon':
    case 'due_today':
    case 'overdue':
      return 'reminder';
    case 'escalation':
      return 'escalation';
    case 'extracted':
    case 'extraction_failed':
      return 'extraction';
    case 'cold':
    case 'declining':
      return 'flag';
    default:
      return null;
  }
}

/** Webhook flavours: a generic signed JSON POST, or a Chinese group-chat robot. */
export const WEBHOOK_TYPES = ['generic', 'wecom', 'dingtalk', 'feishu'] as const;
export type WebhookType = (typeof WEBHOOK_TYPES)[number];

export type ChannelType = 'email' | WebhookType;

export const DELIVERY_STATUSES = ['pending', 'deferred', 'retrying', 'delivered', 'failed'] as const;
/**
 * pending: waiting for its first attempt; deferred: held until quiet hours end; retrying: an
 * attempt failed and another is scheduled; delivered; failed: permanently (4xx, or out of retries).
 */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What every channel renders from: the notification as a person reads it. */
export interface MessageContent {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Absolute link to the exact page in the web app. */
  url: string | null;
  unit?: { code: string; name: string } | null;
  periodCode?: string | null;
  reportId?: number | null;
  notificationId: number;
  deliveryId: number;
  createdAt: string;
}
