// Level names as the organisation set them (GET /api/units/levels): 局党组 / 党委 / 党支部… by
// absolute depth, the same words the Excel export uses. English keeps the generic names.
import { levelName } from '@thermocline/contracts';
import { useCallback } from 'react';
import { useLevelNames } from './queries';

export type LevelNamer = (absoluteLevel: number, lang: 'zh' | 'en') => string;

export function useLevelNamer(): LevelNamer {
  const levels = useLevelNames();
  const data = levels.data;
  return useCallback((abs, lang) => (lang === 'zh' ? (data?.find((l) => l.level === abs)?.name ?? levelName(abs, 'zh')) : levelName(abs, 'en')), [data]);
}
