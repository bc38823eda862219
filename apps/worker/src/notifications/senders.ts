import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { checkWebhookUrl, guardedLookup, redact, robotOutcome, WebhookTargetError, type EmailMessage, type WebhookRequest, type WebhookType } from '@thermocline/notify';
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

@Injectable()
export class EmailSender implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.smtpUrl && this.config.mailFrom);
  }

  async send(to: string, m: EmailMessage): Promise<number> {
    if (!this.config.smtpUrl || !this.config.mailFrom) throw new DeliveryError('未配置 SMTP_URL，无法发送邮件', true);
    this.transport ??= createTransport({ url: this.config.smtpUrl, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
    try {
      await this.transport.sendMail({ from: this.config.mailFrom, to, subject: m.subject, text: m.text, html: m.html, textEncoding: 'base64' });
      return 250;
    } catch (e) {
      const err = e as { responseCode?: number; code?: string; message?: string };
      const code = typeof err.responseCode === 'number' ? err.responseCode : null;
      const message = redact(`邮件发送失败：${code ? `${code} ` : ''}${(err.message ?? String(e)).slice(0, 300)}`, [this.config.smtpUrl]);
      // SMTP 5xx replies and refused credentials are permanent; 4xx replies, timeouts and connection errors are not.
      const permanent = code !== null ? code >= 500 : err.code === 'EAUTH' || err.code === 'EENVELOPE';
      throw new DeliveryError(message, permanent, code);
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
