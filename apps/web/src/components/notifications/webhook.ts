// Webhook and group-chat robot settings as forms see them, and what goes to the api. Secrets are
// write-only: the api shows a hint (first and last four characters); a secret is sent only when
// the user typed a new one, '' when they asked to remove it, and left out otherwise (kept).
import type { CreateChannel, UpdateChannel, WebhookInput, WebhookSettings, WebhookType } from '../../api/types';
import type { T } from '../../i18n/i18n';

export interface WebhookFormValues {
  type: WebhookType;
  /** Blank keeps the stored URL (when there is one). */
  url?: string;
  /** Blank keeps the stored secret. */
  secret?: string;
  /** Remove the stored secret. */
  clearSecret?: boolean;
  enabled?: boolean;
}

export interface ChannelFormValues extends WebhookFormValues {
  unitCode?: string;
  name?: string;
  events?: CreateChannel['events'];
}

/** Where each robot kind's webhook normally lives (a different host is allowed, with a warning). */
const HOSTS: Partial<Record<WebhookType, string[]>> = {
  wecom: ['qyapi.weixin.qq.com'],
  dingtalk: ['oapi.dingtalk.com', 'api.dingtalk.com'],
  feishu: ['open.feishu.cn', 'open.larksuite.com'],
};

export interface Check {
  error?: string;
  warning?: string;
}

/** Checks a webhook URL for its robot kind: an error stops saving, a warning only tells. */
export function checkWebhookUrl(type: WebhookType, raw: string, t: T): Check {
  const url = raw.trim();
  if (url.length > 1000) return { error: t('地址过长（最多 1000 个字符）', 'The address is too long (1,000 characters at most)') };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { error: t('请输入完整的网址，以 https:// 开头', 'Enter a full address starting with https://') };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { error: t('只支持 http:// 或 https:// 地址', 'Only http:// or https:// addresses') };
  if (url.length < 8) return { error: t('地址过短', 'The address is too short') };
  if (type === 'wecom' && !u.searchParams.get('key'))
    return { error: t('企业微信机器人地址应含 key=…（在群机器人“Webhook 地址”中复制）', 'A WeCom robot address has key=… (copy the robot’s webhook address)') };
  if (type === 'dingtalk' && !u.searchParams.get('access_token'))
    return { error: t('钉钉机器人地址应含 access_token=…（在群机器人设置中复制）', 'A DingTalk robot address has access_token=… (copy it from the robot settings)') };
  const hosts = HOSTS[type];
  if (hosts && !hosts.includes(u.hostname)) return { warning: t(`这不是常见的机器人地址（通常为 ${hosts[0]}），请确认`, `Not the usual robot host (${hosts[0]}): please check`) };
  if (u.protocol === 'http:') return { warning: t('地址未加密（http），建议使用 https', 'The address is not encrypted (http): prefer https') };
  return {};
}

/** Checks a signing secret for its robot kind. */
export function checkSecret(type: WebhookType, raw: string | undefined, t: T): Check {
  const secret = raw ?? '';
  if (!secret) return {};
  if (secret.length > 255) return { error: t('密钥过长（最多 255 个字符）', 'The secret is too long (255 characters at most)') };
  if (type === 'wecom') return { error: t('企业微信群机器人没有签名密钥，请留空', 'WeCom robots have no signing secret: leave it blank') };
  if (type === 'dingtalk' && !secret.startsWith('SEC')) return { error: t('钉钉“加签”密钥以 SEC 开头', 'A DingTalk signing secret starts with SEC') };
  return {};
}

/** The secret field of a PUT/PATCH: a new one, '' to remove it, or nothing to keep it. */
function secretPart(v: WebhookFormValues, hasSecret: boolean): { secret?: string } {
  // WeCom robots are not signed: the field is hidden, whatever was typed before is not sent.
  if (v.type === 'wecom') return {};
  if (v.clearSecret && hasSecret) return { secret: '' };
  if (v.secret) return { secret: v.secret };
  return {};
}

/** The personal webhook of PUT /api/notifications/preferences from the form. */
export function webhookPatch(current: WebhookSettings | null, v: WebhookFormValues): WebhookInput {
  const url = v.url?.trim();
  if (!url && !current) throw new Error('url required');
  return { type: v.type, ...(url ? { url } : {}), ...secretPart(v, !!current?.secretSet), enabled: v.enabled ?? true };
}

/** POST /api/notification-channels from the form (everything required has been validated). */
export function channelCreateBody(v: ChannelFormValues): CreateChannel {
  return {
    unitCode: v.unitCode ?? '',
    name: (v.name ?? '').trim(),
    type: v.type,
    url: (v.url ?? '').trim(),
    ...(v.secret ? { secret: v.secret } : {}),
    events: v.events?.length ? v.events : ['reminder'],
    enabled: v.enabled ?? true,
  };
}

/** PATCH /api/notification-channels/:id: only what changed; a blank URL or secret keeps the stored one. */
export function channelUpdateBody(current: { name: string; type: WebhookType; events: CreateChannel['events']; enabled: boolean; secretSet: boolean }, v: ChannelFormValues): UpdateChannel {
  const out: UpdateChannel = {};
  const name = v.name?.trim();
  if (name && name !== current.name) out.name = name;
  if (v.type !== current.type) out.type = v.type;
  const url = v.url?.trim();
  if (url) out.url = url;
  Object.assign(out, secretPart(v, current.secretSet));
  if (v.events && [...v.events].sort().join() !== [...current.events].sort().join()) out.events = v.events;
  if (v.enabled !== undefined && v.enabled !== current.enabled) out.enabled = v.enabled;
  return out;
}
