/**
 * A file name that is safe to show and to log: the last path segment only (no ../ or \ tricks), no
 * control or bidi-override characters, no HTML specials, no characters Windows forbids; Chinese is
 * kept. At most 200 characters, keeping the extension when shortened.
 */
/** C0/C1 controls, DEL, zero-width characters and bidi controls. */
function invisible(c: number): boolean {
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

export function safeFileName(name: string): string {
  const MAX = 200;
  let s = String(name ?? '').normalize('NFC');
  const parts = s.split(/[/\\]+/);
  s = parts[parts.length - 1] ?? '';
  s = Array.from(s)
    .filter((ch) => !invisible(ch.codePointAt(0) ?? 0))
    .join('')
    .replace(/[<>&"'`:*?|]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!s) return '未命名文件';
  const chars = Array.from(s);
  if (chars.length > MAX) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? Array.from(s.slice(dot)) : [];
    s = chars.slice(0, MAX - ext.length).join('') + ext.join('');
  }
  return s;
}
