import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Ingestion1764100000000 } from './1764100000000-Ingestion';
import { Analytics1764200000000 } from './1764200000000-Analytics';
import { Notifications1764300000000 } from './1764300000000-Notifications';
import { WallLinks1796430000000 } from './1796430000000-WallLinks';

/** In order. A migration is never edited after it lands; changes are new migrations. */
export const MIGRATIONS = [Foundation1764000000000, Ingestion1764100000000, Analytics1764200000000, Notifications1764300000000, WallLinks1796430000000];
