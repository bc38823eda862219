// Secrets in webhook settings — the signing secret, and the token every robot URL carries
// (WeCom `key`, DingTalk `access_token`, Feishu's hook id) — never leave the server in full.

/** 'SECabcdef…' → 'SECa…ef12' (at most the first 4 and last 4 characters of a long value). */
export function maskSecret(secret: string | null | undefined): string | null {
  if (!secret) return null;
  if (secret.length <= 8) return '****';
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/** A webhook URL with every query value and every long path segment masked. */
export function maskUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return '（无效地址）';
  }
  const path = u.pathname
    .split('/')
    .map((seg) => (seg.length >= 12 ? maskSecret(decodeURIComponent(seg)) : seg))
    .join('/');
  const query = [...u.searchParams.entries()].map(([k, v]) => `${encodeURIComponent(k)}=${maskSecret(v) ?? ''}`).join('&');
  const auth = u.username || u.password ? '***@' : '';
  return `${u.protocol}//${auth}${u.host}${path}${query ? `?${query}` : ''}`;
}

/** Removes any occurrence of the given secrets from a message (errors from libraries may echo a URL). */
export function redact(message: string, secrets: (string | null | undefined)[]): string {
  let out = message;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('***');
  return out;
}
