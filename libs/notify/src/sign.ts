// Webhook signatures, each exactly as its receiver documents it.

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Generic webhooks: `X-Thermocline-Signature: sha256=<hex>` where the hex is
 * HMAC-SHA256(key = secret, message = `${timestamp}.${body}`) and `timestamp` (Unix seconds) is
 * sent as `X-Thermocline-Timestamp`. A receiver recomputes it over the raw body and refuses
 * timestamps older than a few minutes (replays).
 */
export function genericSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** Receiver side of genericSignature, for tests and integrators (constant-time comparison). */
export function verifyGenericSignature(secret: string, timestamp: number, body: string, signature: string): boolean {
  const expected = Buffer.from(genericSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * DingTalk custom robot (钉钉自定义机器人, 加签): stringToSign = timestamp + "\n" + secret, signed
 * with HmacSHA256 keyed by the secret, Base64-encoded, then URL-encoded (UTF-8). `timestamp` is in
 * milliseconds and must be within an hour of DingTalk's clock. Both go into the query string:
 * `…/robot/send?access_token=…&timestamp=<ms>&sign=<urlencoded>`.
 */
export function dingtalkSign(secret: string, timestampMs: number): { timestamp: string; sign: string } {
  const stringToSign = `${timestampMs}\n${secret}`;
  const base64 = createHmac('sha256', secret).update(stringToSign, 'utf8').digest('base64');
  return { timestamp: String(timestampMs), sign: encodeURIComponent(base64) };
}

/** The robot URL with DingTalk's `timestamp` and `sign` query parameters appended. */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const { timestamp, sign } = dingtalkSign(secret, timestampMs);
  return `${url}${url.includes('?') ? '&' : '?'}timestamp=${timestamp}&sign=${sign}`;
}

/**
 * Feishu custom bot (飞书自定义机器人, 签名校验): stringToSign = timestamp + "\n" + secret is the
 * HMAC-SHA256 *key* and the message is empty (Feishu's documented quirk); the digest is
 * Base64-encoded. `timestamp` is in seconds; both are sent in the JSON body.
 */
export function feishuSign(secret: string, timestampSeconds: number): { timestamp: string; sign: string } {
  const stringToSign = `${timestampSeconds}\n${secret}`;
  return { timestamp: String(timestampSeconds), sign: createHmac('sha256', stringToSign).update('').digest('base64') };
}
