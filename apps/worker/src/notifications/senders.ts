import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import {
  checkWebhookUrl,
  explainSmtpError,
  guardedLookup,
  mailFrom,
  mailSecrets,
  MailSettingsSource,
  redact,
  robotOutcome,
  smtpOptions,
  WebhookTargetError,
  type EffectiveMail,
  type EmailMessage,
  type WebhookRequest,
  type WebhookType,
} from '@thermocline/notify';
import { APP_CONFIG } from '@thermocline/server';
import { createTransport, type Transporter } from 'nodemailer';

/** How one attempt ended: retry later (5xx, timeouts, network) or never (4xx, bad settings). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: number | null = null,
  ) {
    super(message);
  }
}

const MAX_BODY = 64 * 1024;

@Injectable()
export class WebhookSender {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** POSTs the request; resolves with the HTTP status on success, throws DeliveryError otherwise. */
  async send(type: WebhookType, req: WebhookRequest, secrets: (string | null)[]): Promise<number> {
    let status: number;
    let body: string;
    try {
      ({ status, body } = await this.post(req));
    } catch (e) {
      if (e instanceof WebhookTargetError) throw new DeliveryError(e.message, true);
      if (e instanceof DeliveryError) throw e;
      const code = (e as { code?: string }).code;
      throw new DeliveryError(redact(`无法连接 Webhook：${code ?? (e instanceof Error ? e.message : String(e))}`, secrets), false);
    }
    if (status >= 200 && status < 300) {
      const outcome = robotOutcome(type, body);
      if (outcome.ok) return status;
      throw new DeliveryError(redact(outcome.message, secrets), !outcome.retry, status);
    }
    const snippet = body.replace(/\s+/g, ' ').slice(0, 200);
    const message = redact(`HTTP ${status}${snippet ? `：${snippet}` : ''}`, secrets);
    // 408 and 429 ask to come back later; any other 4xx (and a redirect, never followed) will not change.
    if (status >= 500 || status === 408 || status === 429) throw new DeliveryError(message, false, status);
    throw new DeliveryError(message, true, status);
  }

  private post(req: WebhookRequest): Promise<{ status: number; body: string }> {
    const allowPrivate = this.config.webhookAllowPrivate;
    const url = checkWebhookUrl(req.url, allowPrivate);
    const timeoutMs = this.config.webhookTimeoutMs;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const r = send(
        url,
        { method: 'POST', headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) }, lookup: guardedLookup(allowPrivate), timeout: timeoutMs },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            if (size < MAX_BODY) chunks.push(c);
            size += c.length;
          });
          res.on('end', () => {
            clearTimeout(deadline);
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (e) => {
            clearTimeout(deadline);
            reject(e);
          });
        },
      );
      const deadline = setTimeout(() => r.destroy(new DeliveryError(`Webhook 超时（${timeoutMs} ms 内无应答）`, false)), timeoutMs);
      r.on('timeout', () => r.destroy(new DeliveryError(`Webhook 超时（${timeoutMs} ms 内无应答）`, false)));
      r.on('error', (e) => {
        clearTimeout(deadline);
        reject(e);
      });
      r.end(req.body);
    });
  }
}

/**
 * E-mail with the effective settings: SMTP_URL/MAIL_FROM when set, else what an administrator
 * stored in the browser (re-read every few seconds by MailSettingsSource, so a change needs no
 * restart). One pooled-less transport per settings, replaced when they change.
 */
@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: { key: string; transporter: Transporter } | null = null;

  constructor(private readonly mail: MailSettingsSource) {}

  /** Whether e-mail is configured at all (env or stored). */
  configured(): Promise<boolean> {
    return this.mail.configured();
  }

  async send(to: string, m: EmailMessage): Promise<number> {
    const settings = await this.mail.effective();
    if (settings.source === 'none') throw new DeliveryError('未配置邮件服务器（通知与提醒 → 邮件服务器，或 SMTP_URL），无法发送邮件', true);
    if (settings.source === 'stored' && settings.problem) throw new DeliveryError(settings.problem, true);
    try {
      await this.transporter(settings).sendMail({ from: mailFrom(settings), to, subject: m.subject, text: m.text, html: m.html, textEncoding: 'base64' });
      return 250;
    } catch (e) {
      const problem = explainSmtpError(e, mailSecrets(settings), settings.source === 'stored' ? settings.settings : undefined);
      throw new DeliveryError(`邮件发送失败：${problem.message}`, problem.permanent, problem.code);
    }
  }

  private transporter(settings: Exclude<EffectiveMail, { source: 'none' }>): Transporter {
    const key = JSON.stringify(settings);
    if (this.transport?.key !== key) {
      this.transport?.transporter.close();
      this.transport = { key, transporter: createTransport(smtpOptions(settings, { connectionMs: 15_000, greetingMs: 15_000, socketMs: 30_000 })) };
    }
    return this.transport.transporter;
  }

  onApplicationShutdown(): void {
    this.transport?.transporter.close();
  }
}
