// Message formats per channel: an e-mail (Chinese subject, HTML and text bodies, a link to the
// exact page) and the HTTP request of each webhook flavour — a generic signed JSON POST, and the
// robot formats of WeCom (企业微信群机器人), DingTalk (钉钉自定义机器人) and Feishu (飞书自定义机器人).

import { markdownLink, robotText } from './robot-markdown';
import { dingtalkSignedUrl, feishuSign, genericSignature } from './sign';
import type { MessageContent, WebhookType } from './types';

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

export function emailMessage(m: MessageContent, settingsUrl: string): EmailMessage {
  const link = m.url ? `\n\n查看详情：${m.url}` : '';
  const text = `${m.title}\n\n${m.body}${link}\n\n——\n此邮件由 Thermocline 意识形态工作责任制分析系统自动发送，请勿直接回复。\n调整接收方式：${settingsUrl}\n`;
  const button = m.url
    ? `<p style="margin:24px 0"><a href="${escapeHtml(m.url)}" style="background:#c0392b;color:#fff;padding:10px 18px;border-radius:4px;text-decoration:none">查看详情</a></p><p style="color:#888;font-size:12px">如按钮无法打开，请复制此链接到浏览器：${escapeHtml(m.url)}</p>`
    : '';
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(m.title)}</title></head><body style="font-family:'PingFang SC','Microsoft YaHei',sans-serif;color:#222;line-height:1.7;max-width:640px">
<h2 style="font-size:18px;margin:0 0 12px">${escapeHtml(m.title)}</h2>
<p>${escapeHtml(m.body).replace(/\n/g, '<br>')}</p>
${button}
<hr style="border:none;border-top:1px solid #eee"><p style="color:#888;font-size:12px">此邮件由 Thermocline 意识形态工作责任制分析系统自动发送，请勿直接回复。<a href="${escapeHtml(settingsUrl)}">调整接收方式</a></p>
</body></html>`;
  return { subject: m.title, text, html };
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Cuts a UTF-8 string to at most `bytes` bytes without splitting a character. */
export function truncateUtf8(s: string, bytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= bytes) return s;
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (used + n > bytes - 3) break;
    out += ch;
    used += n;
  }
  return `${out}…`;
}

/** The generic JSON document (also what integrators parse). */
export function genericPayload(m: MessageContent): Record<string, unknown> {
  return {
    id: m.notificationId,
    deliveryId: m.deliveryId,
    kind: m.kind,
    title: m.title,
    body: m.body,
    url: m.url,
    unit: m.unit ?? null,
    periodCode: m.periodCode ?? null,
    reportId: m.reportId ?? null,
    createdAt: m.createdAt,
  };
}

/**
 * The request for one webhook delivery. `now` is the signing time; `secret` is the channel's
 * signing secret (generic, DingTalk, Feishu; WeCom robots have none — their key is in the URL).
 */
export function webhookRequest(type: WebhookType, url: string, secret: string | null, m: MessageContent, now: Date): WebhookRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'Thermocline-Webhook/1' };
  const more = m.url ? markdownLink('查看详情', m.url) : '';
  switch (type) {
    case 'generic': {
      const body = JSON.stringify(genericPayload(m));
      const ts = Math.floor(now.getTime() / 1000);
      headers['x-thermocline-event'] = m.kind;
      headers['x-thermocline-delivery'] = String(m.deliveryId);
      headers['x-thermocline-timestamp'] = String(ts);
      if (secret) headers['x-thermocline-signature'] = genericSignature(secret, ts, body);
      return { url, headers, body };
    }
    case 'wecom': {
      // markdown.content: at most 4096 bytes (UTF-8).
      const content = truncateUtf8(`**${robotText('wecom', m.title)}**\n${robotText('wecom', m.body)}\n${more}`, 4096);
      return { url, headers, body: JSON.stringify({ msgtype: 'markdown', markdown: { content } }) };
    }
    case 'dingtalk': {
      // The trailing "Thermocline" lets a robot secured by a custom keyword accept the message.
      const text = truncateUtf8(`#### ${robotText('dingtalk', m.title)}\n\n${robotText('dingtalk', m.body)}\n\n${more}\n\n—— Thermocline`, 18_000);
      const signed = secret ? dingtalkSignedUrl(url, secret, now.getTime()) : url;
      return { url: signed, headers, body: JSON.stringify({ msgtype: 'markdown', markdown: { title: m.title, text } }) };
    }
    case 'feishu': {
      const line: Record<string, string>[] = [{ tag: 'text', text: robotText('feishu', m.body) }];
      const content: Record<string, string>[][] = [line];
      if (m.url) content.push([{ tag: 'a', text: '查看详情', href: m.url }]);
      const post = { zh_cn: { title: robotText('feishu', m.title), content } };
      const signature = secret ? feishuSign(secret, Math.floor(now.getTime() / 1000)) : null;
      return { url, headers, body: JSON.stringify({ ...(signature ?? {}), msg_type: 'post', content: { post } }) };
    }
  }
}

export type RobotOutcome = { ok: true } | { ok: false; retry: boolean; message: string };

/** WeCom, DingTalk and Feishu answer HTTP 200 with an error code in the body; this reads it. */
export function robotOutcome(type: WebhookType, body: string): RobotOutcome {
  if (type === 'generic') return { ok: true };
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { ok: false, retry: true, message: '机器人接口返回的不是 JSON' };
  }
  const code = Number(parsed.errcode ?? parsed.code ?? parsed.StatusCode ?? 0);
  const msg = String(parsed.errmsg ?? parsed.msg ?? parsed.StatusMessage ?? '');
  if (code === 0) return { ok: true };
  // Rate limits and "system busy" are worth retrying; everything else (bad key, bad signature,
  // keyword or IP not allowed, malformed message) will fail the same way again.
  const retryable = new Set([-1, 45009, 130101, 11232]);
  return { ok: false, retry: retryable.has(code), message: `${type === 'wecom' ? '企业微信' : type === 'dingtalk' ? '钉钉' : '飞书'}返回错误 ${code}${msg ? `：${msg.slice(0, 200)}` : ''}` };
}
