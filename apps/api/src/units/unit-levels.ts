// Level names are the organisation's own: an administrator names each depth; until then a depth is
// named after the suffixes its units' names end with (…党组, …党委, …党总支, …党支部). Pure, so the
// rule is unit-tested (unit-levels.spec.ts); the service stores and serves it.
import { levelName } from '@thermocline/contracts';

/** Longest first, so 党总支 is not read as 总支 and 党支部 not as 支部. */
const SUFFIXES = ['党总支', '党支部', '党工委', '党组', '工委', '党委', '总支', '支部'];

function suffixOf(name: string): string | null {
  return SUFFIXES.find((s) => name.endsWith(s)) ?? null;
}

/**
 * Default names per absolute level (0 = the root) from the units there: the most frequent suffix,
 * two when a level mixes them (党总支/党支部); a lone unit without one is named by itself.
 */
export function defaultLevelNames(units: readonly { level: number; name: string }[]): string[] {
  const max = units.reduce((m, u) => Math.max(m, u.level), -1);
  const names: string[] = [];
  for (let level = 0; level <= max; level++) {
    const here = units.filter((u) => u.level === level);
    const counts = new Map<string, number>();
    for (const u of here) {
      const s = suffixOf(u.name);
      if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || SUFFIXES.indexOf(a[0]) - SUFFIXES.indexOf(b[0])).map(([s]) => s);
    names.push(ranked.length ? ranked.slice(0, 2).join('/') : here.length === 1 ? here[0].name : levelName(level, 'zh'));
  }
  return names;
}

/** The names in force: an administrator's name where given, the default otherwise. */
export function levelNames(defaults: readonly string[], custom: readonly (string | null)[]): { level: number; name: string; defaultName: string; custom: boolean }[] {
  return defaults.map((d, level) => {
    const c = custom[level]?.trim();
    return { level, name: c || d, defaultName: d, custom: Boolean(c) };
  });
}
