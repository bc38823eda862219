// SSRF guard for outgoing webhooks. With WEBHOOK_ALLOW_PRIVATE=false (production) a webhook may
// only reach public addresses: the host is resolved and refused when any address is loopback,
// private, link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast or
// reserved. The check runs in the socket's own DNS lookup, so the address checked is the address
// connected to (no DNS-rebinding window); IP literals are checked before connecting.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['2001:db8::', 32],
  ['100::', 64],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address (::ffff:a.b.c.d, 64:ff9b::a.b.c.d), if any. */
function embeddedV4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = parseInt(m[2], 16);
  const lo = parseInt(m[3], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for any address a public webhook must not reach. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return blocked.check(ip, 'ipv4');
  if (family === 6) {
    const v4 = embeddedV4(ip);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(ip, 'ipv6');
  }
  return true; // not an address at all: refuse
}

export class WebhookTargetError extends Error {
  readonly code = 'WEBHOOK_TARGET';
}

/** Protocol and (when private targets are not allowed) address checks of a webhook URL. */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): URL {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new WebhookTargetError('Webhook 地址不是有效的网址');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new WebhookTargetError('Webhook 地址须以 http:// 或 https:// 开头');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isPrivateAddress(host)) throw new WebhookTargetError('Webhook 地址指向内网或本机地址，已拒绝');
  return u;
}

/**
 * A socket `lookup` that resolves the host and refuses it when any of its addresses is private.
 * Handles both call shapes net.connect uses (single address, or `all: true` with autoSelectFamily).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, '', 4);
      if (!allowPrivate) {
        const bad = addresses.find((a) => isPrivateAddress(a.address));
        if (bad) return callback(new WebhookTargetError('Webhook 主机解析到内网或本机地址，已拒绝'), '', 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`无法解析主机 ${hostname}`), '', 4);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves the host now and refuses a private one (used when an admin saves a webhook). */
export async function assertPublicTarget(raw: string, allowPrivate: boolean): Promise<void> {
  const u = checkWebhookUrl(raw, allowPrivate);
  if (allowPrivate) return;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return;
  await new Promise<void>((resolve, reject) => {
    guardedLookup(false)(host, { all: true }, (err) => (err ? reject(err instanceof WebhookTargetError ? err : new WebhookTargetError(`无法解析 Webhook 主机：${host}`)) : resolve()));
  });
}
