// SSRF guard for outgoing webhooks. With WEBHOOK_ALLOW_PRIVATE=false (production) a webhook may
// only reach public addresses: the host is resolved and refused when any address is loopback,
// private, link-local (cloud metadata at 169.254.169.254), unique-local, CGNAT, multicast or
// reserved, and IPv6 forms that carry one of those (mapped, compatible, 6to4, NAT64, Teredo) or
// are anything but global unicast. The check runs in the socket's own DNS lookup, so the address checked is the address
// connected to (no DNS-rebinding window); IP literals are checked before connecting.

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import ipaddr from 'ipaddr.js';
import { BlockList, isIP, type LookupFunction } from 'node:net';

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

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

/** A public IPv4 address: ipaddr.js calls it plain unicast, and it is in none of the blocks above. */
function publicV4(a: IPv4): boolean {
  return a.range() === 'unicast' && !blocked.check(a.toString(), 'ipv4');
}

const GLOBAL_UNICAST = ipaddr.IPv6.parse('2000::');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parse('64:ff9b::');

/**
 * An IPv6 address is allowed only when it is global unicast (2000::/3, no special range), or when
 * it is a form that carries an IPv4 address to the IPv4 internet and that IPv4 address is public:
 * IPv4-mapped and SIIT (::ffff:a.b.c.d, ::ffff:0:a.b.c.d), NAT64 well-known (64:ff9b::/96), 6to4
 * (2002:AABB:CCDD::). Everything else is refused by default: IPv4-compatible (::a.b.c.d), NAT64
 * local-use (64:ff9b:1::/48, a site's own translator), Teredo (2001::/32: a tunnel with an
 * obfuscated client address inside), site-local (fec0::/10), unique- and link-local, reserved.
 */
function publicV6(a: IPv6): boolean {
  const bytes = a.toByteArray();
  const v4 = (at: number) => new ipaddr.IPv4(bytes.slice(at, at + 4));
  switch (a.range()) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return publicV4(v4(12));
    case 'rfc6052':
      return a.match(NAT64_WELL_KNOWN, 96) && publicV4(v4(12));
    case '6to4':
      return publicV4(v4(2));
    case 'unicast':
      return a.match(GLOBAL_UNICAST, 3) && !blocked.check(a.toString(), 'ipv6');
    default:
      return false;
  }
}

/** True for any address a public webhook must not reach (classified by ipaddr.js, after unwrapping). */
export function isPrivateAddress(ip: string): boolean {
  if (!isIP(ip)) return true; // not an address at all (or one with a zone id): refuse
  let addr: IPv4 | IPv6;
  try {
    addr = ipaddr.parse(ip);
  } catch {
    return true;
  }
  return addr.kind() === 'ipv4' ? !publicV4(addr as IPv4) : !publicV6(addr as IPv6);
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
