// E-mail settings: SMTP_URL/MAIL_FROM from the environment when set, else the SMTP server an
// administrator stored in the browser (mail_settings, password sealed with the installation key).
// Api and worker read the effective settings through MailSettingsSource, which re-reads the
// database at most every few seconds, so a change applies without a restart.
import type { AppConfig } from '@thermocline/config';
import { installationKey, openSecret, sealSecret } from '@thermocline/runtime';
import { createTransport } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { DataSource, EntityManager } from 'typeorm';
import { redact } from './mask';

export const MAIL_PASSWORD_PURPOSE = 'mail.password';

/** An SMTP server as the administrator enters it. */
export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (usually port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  username: string | null;
  password: string | null;
  /** The From header, e.g. "某局意识形态工作 <noreply@x.gov.cn>". */
  from: string;
}

/** The stored settings without the password. */
export interface StoredMailView {
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  passwordSet: boolean;
  from: string;
  updatedAt: Date;
}

export type EffectiveMail =
  | { source: 'env'; url: string; from: string }
  /** `problem`: the stored password cannot be decrypted (the installation key changed): enter it again. */
  | { source: 'stored'; settings: SmtpSettings; problem: string | null }
  | { source: 'none' };

export const PASSWORD_UNREADABLE = '已保存的邮件密码无法解密（系统密钥已更换？），请在“邮件设置”中重新输入密码';

interface Row {
  host: string;
  port: number;
  secure: number;
  username: string | null;
  password_sealed: string | null;
  from_address: string;
  updated_at: Date;
}

async function readRow(m: EntityManager): Promise<Row | null> {
  const rows = (await m.query('SELECT host, port, secure, username, password_sealed, from_address, updated_at FROM mail_settings WHERE id = 1')) as Row[];
  return rows[0] ?? null;
}

export async function storedMailView(m: EntityManager): Promise<StoredMailView | null> {
  const r = await readRow(m);
  if (!r) return null;
  return { host: r.host, port: Number(r.port), secure: Boolean(Number(r.secure)), username: r.username, passwordSet: Boolean(r.password_sealed), from: r.from_address, updatedAt: new Date(r.updated_at) };
}

/** The stored settings with the password decrypted (null when none are stored); `secretsKey`: SECRETS_KEY. */
export async function storedMailSettings(m: EntityManager, secretsKey: string | null): Promise<{ settings: SmtpSettings; problem: string | null } | null> {
  const r = await readRow(m);
  if (!r) return null;
  let password: string | null = null;
  let problem: string | null = null;
  if (r.password_sealed) {
    try {
      password = openSecret(await installationKey(m, MAIL_PASSWORD_PURPOSE, secretsKey), r.password_sealed, MAIL_PASSWORD_PURPOSE);
    } catch {
      problem = PASSWORD_UNREADABLE;
    }
  }
  return { settings: { host: r.host, port: Number(r.port), secure: Boolean(Number(r.secure)), username: r.username, password, from: r.from_address }, problem };
}

/**
 * Stores the settings. `password` undefined keeps the stored one (the form never sees it); null
 * removes it (a server without authentication). A username-less server keeps no password.
 */
export async function saveStoredMail(m: EntityManager, s: Omit<SmtpSettings, 'password'> & { password?: string | null }, userId: number | null, secretsKey: string | null): Promise<void> {
  const sealed = s.password ? sealSecret(await installationKey(m, MAIL_PASSWORD_PURPOSE, secretsKey), s.password, MAIL_PASSWORD_PURPOSE) : null;
  const keep = s.password === undefined && s.username !== null;
  await m.query(
    `INSERT INTO mail_settings (id, host, port, secure, username, password_sealed, from_address, updated_at, updated_by) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)
     ON DUPLICATE KEY UPDATE host = VALUES(host), port = VALUES(port), secure = VALUES(secure), username = VALUES(username),
       password_sealed = IF(?, password_sealed, VALUES(password_sealed)), from_address = VALUES(from_address), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)`,
    [s.host, s.port, s.secure ? 1 : 0, s.username, s.username === null ? null : sealed, s.from, new Date(), userId, keep ? 1 : 0],
  );
}

export async function deleteStoredMail(m: EntityManager): Promise<boolean> {
  const r = (await m.query('DELETE FROM mail_settings WHERE id = 1')) as { affectedRows?: number };
  return Boolean(r.affectedRows);
}

/** Environment first (SMTP_URL and MAIL_FROM), else the stored settings. */
export async function loadEffectiveMail(m: EntityManager, config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'secretsKey'>): Promise<EffectiveMail> {
  if (config.smtpUrl && config.mailFrom) return { source: 'env', url: config.smtpUrl, from: config.mailFrom };
  const stored = await storedMailSettings(m, config.secretsKey);
  return stored ? { source: 'stored', ...stored } : { source: 'none' };
}

/** The effective settings with a short cache (api and worker share it; no restart after a change). */
export class MailSettingsSource {
  private cached: { at: number; value: Promise<EffectiveMail> } | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly config: Pick<AppConfig, 'smtpUrl' | 'mailFrom' | 'secretsKey'>,
    private readonly ttlMs = 5000,
  ) {}

  effective(): Promise<EffectiveMail> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    const value = loadEffectiveMail(this.db.manager, this.config);
    this.cached = { at: now, value };
    value.catch(() => {
      if (this.cached?.value === value) this.cached = null;
    });
    return value;
  }

  /** Whether e-mail goes out at all (deliveries are created only then). */
  async configured(): Promise<boolean> {
    return (await this.effective()).source !== 'none';
  }

  /** After this process changed the stored settings. */
  invalidate(): void {
    this.cached = null;
  }
}

export interface MailTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

/** nodemailer's SMTP options for the effective settings. */
export function smtpOptions(e: Exclude<EffectiveMail, { source: 'none' }>, t: MailTimeouts): SMTPTransport.Options {
  const timeouts = { connectionTimeout: t.connectionMs, greetingTimeout: t.greetingMs, socketTimeout: t.socketMs };
  if (e.source === 'env') return { url: e.url, ...timeouts } as SMTPTransport.Options;
  const s = e.settings;
  return { host: s.host, port: s.port, secure: s.secure, auth: s.username ? { user: s.username, pass: s.password ?? '' } : undefined, ...timeouts };
}

/** Secrets that must never appear in a message: the stored password, the env URL (it carries one). */
export function mailSecrets(e: EffectiveMail): string[] {
  if (e.source === 'env') {
    const out = [e.url];
    try {
      const u = new URL(e.url);
      if (u.password) out.push(decodeURIComponent(u.password), u.password);
    } catch {
      /* validated at boot */
    }
    return out;
  }
  return e.source === 'stored' && e.settings.password ? [e.settings.password] : [];
}

export interface SmtpProblem {
  /** A sentence a person can act on, in Chinese, without secrets. */
  message: string;
  /** Will not change by retrying (refused credentials, a 5xx answer, bad settings). */
  permanent: boolean;
  code: number | null;
}

/** What went wrong talking to the mail server, said so the administrator knows what to fix. */
export function explainSmtpError(e: unknown, secrets: string[], settings?: Pick<SmtpSettings, 'port' | 'secure'>): SmtpProblem {
  const err = (e ?? {}) as { code?: string; responseCode?: number; response?: string; message?: string };
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;
  const raw = (err.response ?? err.message ?? String(e)).replace(/\s+/g, ' ').slice(0, 200);
  const text = `${err.message ?? ''} ${err.response ?? ''}`.toLowerCase();
  const detail = raw ? `（${raw}）` : '';
  let reason: string;
  let permanent = code !== null ? code >= 500 : false;
  if (err.code === 'EAUTH' && /no auth|auth.*not (supported|available)|authentication not/i.test(text)) {
    reason = '邮件服务器不支持登录认证：请清空用户名和密码，或开启 TLS 后再试';
    permanent = true;
  } else if (err.code === 'EAUTH' || code === 535 || code === 534 || code === 530) {
    reason = '用户名或密码被邮件服务器拒绝（认证失败）：请检查用户名、密码（部分邮箱需使用“授权码”）';
    permanent = true;
  } else if (err.code === 'ECONNREFUSED' || /econnrefused/.test(text)) {
    reason = '连接被拒绝：该地址的该端口没有邮件服务，请检查服务器地址和端口';
  } else if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' || err.code === 'EDNS' || /enotfound|eai_again/.test(text)) {
    reason = '找不到邮件服务器：服务器地址无法解析，请检查拼写';
  } else if (/wrong version number|packet length too long|unknown protocol|ssl3_get_record|record layer failure|tls.*(handshake|alert)/i.test(text)) {
    reason = 'TLS 设置与服务器不符：465 端口通常需勾选“SSL/TLS”，587 和 25 端口通常不勾选（使用 STARTTLS）';
  } else if (/certificate|self[- ]signed|unable to verify|cert_/i.test(text)) {
    reason = '邮件服务器的证书不受信任（自签名、过期或与服务器地址不符）：请使用证书上的服务器名称，或请管理员更换证书';
    permanent = true;
  } else if (err.code === 'ETIMEDOUT' || /timeout|timed out|etimedout|ehostunreach|enetunreach/i.test(text)) {
    reason = settings && !settings.secure && settings.port === 465
      ? '连接邮件服务器超时：465 端口通常需勾选“SSL/TLS”'
      : '连接邮件服务器超时：请检查服务器地址、端口和防火墙';
  } else if (err.code === 'ECONNRESET' || err.code === 'ESOCKET' || err.code === 'ECONNECTION') {
    reason = settings?.secure ? '连接被服务器中断：该端口可能不使用 SSL/TLS，请取消勾选“SSL/TLS”后再试' : '连接被服务器中断：请检查端口和 TLS 设置';
  } else if (err.code === 'EENVELOPE' || code === 550 || code === 551 || code === 553 || code === 554) {
    reason = '邮件服务器拒绝了发件人或收件人地址：请检查“发件人”与登录账号是否一致、收件地址是否正确';
    permanent = true;
  } else {
    reason = '邮件发送失败';
  }
  return { message: redact(`${reason}${detail}`, secrets), permanent, code };
}

/** The From header of the effective settings. */
export const mailFrom = (e: Exclude<EffectiveMail, { source: 'none' }>): string => (e.source === 'env' ? e.from : e.settings.from);

/** Sends one message with the effective settings on a transport of its own, closed afterwards. */
export async function sendWithSettings(
  e: Exclude<EffectiveMail, { source: 'none' }>,
  message: { to: string; subject: string; text: string; html?: string },
  t: MailTimeouts,
): Promise<void> {
  const transport = createTransport(smtpOptions(e, t));
  try {
    await transport.sendMail({ from: mailFrom(e), ...message, textEncoding: 'base64' });
  } finally {
    transport.close();
  }
}
