/**
 * The one form a user name is stored, looked up and counted in: NFKC (full-width and other
 * compatibility forms fold to ASCII), trimmed, lower case. MariaDB's utf8mb4_unicode_ci compares
 * `"admin "`, `"ＡＤＭＩＮ"` and `"admin"` as equal, so anything keyed on the raw string (a lockout
 * counter) could be side-stepped by a variant the database still resolves to the same user.
 */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
