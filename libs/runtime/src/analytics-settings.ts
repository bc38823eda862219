import { DEFAULT_ANALYTICS_CONFIG, parseAnalyticsConfig, type AnalyticsConfig, type ConfigError } from '@thermocline/analytics';
import type { EntityManager } from 'typeorm';

const NAME = 'analytics';

/** The analytics weights and thresholds in force: the stored admin settings over the defaults. */
export async function loadAnalyticsConfig(m: EntityManager): Promise<AnalyticsConfig> {
  const rows = (await m.query('SELECT value FROM settings WHERE name = ?', [NAME])) as { value: string }[];
  if (!rows.length) return DEFAULT_ANALYTICS_CONFIG;
  const parsed = parseAnalyticsConfig(JSON.parse(rows[0].value) as unknown, DEFAULT_ANALYTICS_CONFIG);
  // A stored value that no longer validates (an older version's field) falls back to the defaults.
  return parsed.ok ? parsed.config : DEFAULT_ANALYTICS_CONFIG;
}

/** Validates a partial change over the settings in force and stores the result. */
export async function saveAnalyticsConfig(m: EntityManager, patch: unknown, userId: number | null): Promise<{ ok: true; config: AnalyticsConfig } | { ok: false; errors: ConfigError[] }> {
  const current = await loadAnalyticsConfig(m);
  const parsed = parseAnalyticsConfig(patch, current);
  if (!parsed.ok) return parsed;
  await m.query('INSERT INTO settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE value = VALUES(value), updated_at = VALUES(updated_at), updated_by = VALUES(updated_by)', [
    NAME,
    JSON.stringify(parsed.config),
    new Date(),
    userId,
  ]);
  return parsed;
}
