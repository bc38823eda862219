import { Foundation1764000000000 } from './1764000000000-Foundation';
import { Ingestion1764100000000 } from './1764100000000-Ingestion';
import { Analytics1764200000000 } from './1764200000000-Analytics';
import { Notifications1764300000000 } from './1764300000000-Notifications';
import { SignInHardening1796400000000 } from './1796400000000-SignInHardening';
import { AuditScope1796400000001 } from './1796400000001-AuditScope';
import { Installation1796410000000 } from './1796410000000-Installation';
import { UnitsPeriodsInTime1796420000000 } from './1796420000000-UnitsPeriodsInTime';
import { WallLinks1796430000000 } from './1796430000000-WallLinks';
import { MetricCustomized1796440000000 } from './1796440000000-MetricCustomized';
import { UnclassifiedMentions1796440000001 } from './1796440000001-UnclassifiedMentions';
import { IntakeBatches1796450000000 } from './1796450000000-IntakeBatches';
import { Assessment1796460000000 } from './1796460000000-Assessment';
import { MailSettings1796470000000 } from './1796470000000-MailSettings';

/** In order. A migration is never edited after it lands; changes are new migrations. */
export const MIGRATIONS = [Foundation1764000000000, Ingestion1764100000000, Analytics1764200000000, Notifications1764300000000, SignInHardening1796400000000, AuditScope1796400000001, Installation1796410000000, UnitsPeriodsInTime1796420000000, WallLinks1796430000000, MetricCustomized1796440000000, UnclassifiedMentions1796440000001, IntakeBatches1796450000000, Assessment1796460000000, MailSettings1796470000000];
