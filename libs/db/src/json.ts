import type { ValueTransformer } from 'typeorm';

/** A value that survives a JSON column round trip. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * JSON kept in LONGTEXT: identical on MySQL 8 and MariaDB (where JSON is LONGTEXT anyway), so the
 * schema never drifts between the two; the application parses and writes it.
 */
export const jsonText: ValueTransformer = {
  to: (v: unknown) => (v === undefined ? undefined : v === null ? null : JSON.stringify(v)),
  from: (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : (v ?? null)),
};
