// The reminder scan and the event notifications (extraction finished or failed, unit flagged cold
// or declining). Plain classes over the database and the NotificationCentre: the worker runs the
// daily scan and the events, the api runs "remind now".

import type { AppConfig } from '@thermocline/config';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Clock } from '@thermocline/runtime';
import type { NotificationCentre, NotificationInput, PendingDelivery } from './centre';
import { escalationMessage, extractedMessage, extractionFailedMessage, flagMessage, reminderMessage } from './messages';
import { DEFAULT_REMINDER_RULES, parseReminderRules, type ReminderRules } from './rules';
import { currentStage, dueDateWindow } from './stages';
import { categoryOf, type NotificationCategory } from './types';
import { addDays, daysBetween, localDate } from './zone';
import { subscribed } from './centre';

export const REMINDER_SETTINGS = 'reminders';

/** The rules in force: the stored admin settings over the defaults (a stale stored value falls back). */
export async function loadReminderRules(m: Pick<EntityManager, 'query'>): Promise<ReminderRules> {
  const rows = (await m.query('SELECT value FROM settings WHERE name = ?', [REMINDER_SETTINGS])) as { value: string }[];
  if (!rows.length) return DEFAULT_REMINDER_RULES;
  try {
    const parsed = parseReminderRules(JSON.parse(rows[0].value) as unknown, DEFAULT_REMINDER_RULES);
    return parsed.ok ? parsed.rules : DEFAULT_REMINDER_RULES;
  } catch {
    return DEFAULT_REMINDER_RULES;
  }
}

interface PeriodRow {
  id: number;
  code: string;
  name: string;
  due_on: string;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  parent_id: number | null;
}

interface PersonRow {
  id: number;
  unit_id: number;
  display_name: string;
}

export interface ScanOptions {
  periodId?: number;
  /** Only units in this subtree (materialised path prefix): a leader's "remind now". */
  unitPath?: string;
  /** Only this unit. */
  unitId?: number;
  /**
   * A person asked ("remind now"): besides the current stage, a unit's secretaries get a nudge
   * (once per local day) when today is not already a stage day; named in the message.
   */
  manual?: { by: string } | null;
}

export interface ScanResult {
  created: number;
  periods: number;
  /** Units that needed a reminder but have no one to receive it (no secretary account, no group chat). */
  unreachable: { code: string; name: string }[];
}

const inList = (ids: readonly number[]) => ids.map(() => '?').join(',');

export class ReminderScanner {
  constructor(
    private readonly db: DataSource,
    private readonly centre: NotificationCentre,
    private readonly config: Pick<AppConfig, 'tzReports'>,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async scan(options: ScanOptions = {}): Promise<ScanResult> {
    const rules = await loadReminderRules(this.db);
    const now = this.clock.now();
    const today = localDate(now, this.config.tzReports);
    let periods: PeriodRow[];
    if (options.periodId !== undefined) {
      periods = (await this.db.query(`SELECT id, code, name, DATE_FORMAT(due_on, '%Y-%m-%d') AS due_on FROM periods WHERE id = ? AND closed_at IS NULL`, [options.periodId])) as PeriodRow[];
    } else {
      const w = dueDateWindow(rules);
      periods = (await this.db.query(`SELECT id, code, name, DATE_FORMAT(due_on, '%Y-%m-%d') AS due_on FROM periods WHERE due_on BETWEEN ? AND ? AND closed_at IS NULL ORDER BY id`, [
        addDays(today, w.from),
        addDays(today, w.to),
      ])) as PeriodRow[];
    }
    let created = 0;
    const unreachable = new Map<string, { code: string; name: string }>();
    for (const p of periods) {
      const inputs = await this.periodInputs(p, rules, today, options, unreachable);
      if (!inputs.length) continue;
      created += (await this.centre.notify(inputs)).created;
    }
    if (created) this.logger.info({ created, periods: periods.map((p) => p.code), today, manual: Boolean(options.manual) }, 'reminders created');
    return { created, periods: periods.length, unreachable: [...unreachable.values()] };
  }

  private async periodInputs(p: PeriodRow, rules: ReminderRules, today: string, options: ScanOptions, unreachable: Map<string, { code: string; name: string }>): Promise<NotificationInput[]> {
    const stage = currentStage(rules, p.due_on, today);
    const nudge = Boolean(options.manual) && !(stage && stage.today);
    if (!stage && !nudge) return [];
    const d = daysBetween(p.due_on, today);

    // Units with no usable report: nothing uploaded, or only versions that failed to process.
    // Only units the period expects: active on its due date (not created later, not deleted by then).
    const where: string[] = [
      `NOT EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = u.id AND r.period_id = ? AND r.status <> 'failed')`,
      'u.active_from <= ? AND (u.active_until IS NULL OR u.active_until > ?)',
    ];
    const params: (string | number)[] = [p.id, p.due_on, p.due_on];
    if (options.unitPath) {
      where.push('u.path LIKE ?');
      params.push(`${options.unitPath}%`);
    }
    if (options.unitId !== undefined) {
      where.push('u.id = ?');
      params.push(options.unitId);
    }
    const missing = (await this.db.query(`SELECT u.id, u.code, u.name, u.parent_id FROM units u WHERE ${where.join(' AND ')} ORDER BY u.id`, params)) as UnitRow[];
    if (!missing.length) return [];
    const unitIds = missing.map((u) => Number(u.id));
    const secretaries = (await this.db.query(
      `SELECT id, unit_id, display_name FROM users WHERE role = 'secretary' AND disabled = 0 AND unit_id IN (${inList(unitIds)}) ORDER BY id`,
      unitIds,
    )) as PersonRow[];
    const groupUnits = await unitsSubscribed(this.db, unitIds, 'reminder');

    const escalating = Boolean(stage?.last && rules.escalate);
    const parentIds = escalating ? [...new Set(missing.map((u) => u.parent_id).filter((x): x is number => x !== null).map(Number))] : [];
    const parents = parentIds.length ? ((await this.db.query(`SELECT id, code, name, parent_id FROM units WHERE id IN (${inList(parentIds)})`, parentIds)) as UnitRow[]) : [];
    const leaders = parentIds.length
      ? ((await this.db.query(`SELECT id, unit_id, display_name FROM users WHERE role = 'leader' AND disabled = 0 AND unit_id IN (${inList(parentIds)}) ORDER BY id`, parentIds)) as PersonRow[])
      : [];
    const escalationGroups = parentIds.length ? await unitsSubscribed(this.db, parentIds, 'escalation') : new Set<number>();
    // A person asking on a catch-up day gets one message: the stage itself (named as asked) when it
    // was not sent yet, else the day's nudge — never both in one scan, and no nudge on top of a
    // stage sent today.
    const stageSentOn = new Map<number, string>();
    if (nudge && stage) {
      const rows = (await this.db.query(`SELECT unit_id, MAX(created_at) AS at FROM notifications WHERE period_id = ? AND stage = ? AND unit_id IN (${inList(unitIds)}) GROUP BY unit_id`, [
        p.id,
        stage.key,
        ...unitIds,
      ])) as { unit_id: number; at: Date }[];
      for (const r of rows) stageSentOn.set(Number(r.unit_id), localDate(new Date(r.at), this.config.tzReports));
    }

    const inputs: NotificationInput[] = [];
    for (const u of missing) {
      const uid = Number(u.id);
      const parent = u.parent_id === null ? undefined : parents.find((x) => Number(x.id) === Number(u.parent_id));
      const secs = secretaries.filter((s) => Number(s.unit_id) === uid);
      const facts = { unitName: u.name, periodCode: p.code, periodName: p.name, dueOn: p.due_on, daysFromDue: d };
      const data = { unitCode: u.code, periodCode: p.code, dueOn: p.due_on, daysFromDue: d };
      if (!secs.length && !groupUnits.has(uid)) unreachable.set(u.code, { code: u.code, name: u.name });
      const askedBy = (m: ReturnType<typeof reminderMessage>) => (options.manual ? { ...m, body: `「${options.manual.by}」提醒您：${m.body}` } : m);
      const to = (stageKey: string, message: ReturnType<typeof reminderMessage>): void => {
        for (const s of secs) inputs.push({ recipient: { userId: Number(s.id) }, periodId: p.id, unitId: uid, stage: stageKey, message, data });
        if (groupUnits.has(uid)) inputs.push({ recipient: { unitId: uid }, periodId: p.id, unitId: uid, stage: stageKey, message, data });
      };
      const stageUnsent = Boolean(stage) && !stageSentOn.has(uid);
      const remindedToday = stageSentOn.get(uid) === today;
      if (stage && (!nudge || stageUnsent)) {
        const m = reminderMessage({ ...facts, escalatedTo: escalating && parent ? parent.name : null });
        to(stage.key, nudge ? askedBy(m) : m);
        if (escalating && parent) {
          const message = escalationMessage({ unitName: u.name, unitCode: u.code, periodCode: p.code, periodName: p.name, dueOn: p.due_on, daysLate: Math.max(d, 1), secretaries: secs.map((s) => s.display_name) });
          const key = `escalate:${uid}`;
          for (const l of leaders.filter((x) => Number(x.unit_id) === Number(parent.id))) {
            inputs.push({ recipient: { userId: Number(l.id) }, periodId: p.id, unitId: uid, stage: key, message, data });
          }
          if (escalationGroups.has(Number(parent.id))) inputs.push({ recipient: { unitId: Number(parent.id) }, periodId: p.id, unitId: uid, stage: key, message, data });
        }
      }
      if (nudge && options.manual && !stageUnsent && !remindedToday) to(`manual:${today}`, askedBy(reminderMessage(facts)));
    }
    return inputs;
  }
}

/** Units among `unitIds` with an enabled group-chat channel subscribed to `category`. */
async function unitsSubscribed(db: Pick<EntityManager, 'query'>, unitIds: number[], category: NotificationCategory): Promise<Set<number>> {
  if (!unitIds.length) return new Set();
  const rows = (await db.query(`SELECT unit_id, events FROM notification_channels WHERE enabled = 1 AND unit_id IN (${inList(unitIds)})`, unitIds)) as { unit_id: number; events: string }[];
  return new Set(rows.filter((r) => subscribed(r.events).includes(category)).map((r) => Number(r.unit_id)));
}

interface ReportRow {
  id: number;
  unit_id: number;
  period_id: number;
  version: number;
  original_name: string;
  uploaded_by: number | null;
  error_code: string | null;
  unit_code: string;
  unit_name: string;
  period_code: string;
  period_name: string | null;
  mentions: number | null;
}

export interface FlaggedUnit {
  unitId: number;
  flags: { code: string; reason: string }[];
}

/** Notifications that follow events: extraction finished or failed, a unit flagged after aggregation. */
export class EventNotifier {
  constructor(
    private readonly db: DataSource,
    private readonly centre: NotificationCentre,
    private readonly config: Pick<AppConfig, 'tzReports'>,
    private readonly clock: Clock,
  ) {}

  /** "Please review the numbers" to the unit's secretaries (and the uploader when someone else uploaded). */
  async extracted(reportId: number): Promise<number> {
    return (await this.centre.notify(await this.extractedInputs(this.db, reportId))).created;
  }

  /**
   * The same inside the extraction's transaction (it counts the mentions that transaction wrote), so
   * the report is never extracted without its notification or the other way round; the caller
   * enqueues the returned deliveries after commit.
   */
  async extractedWithin(m: EntityManager, reportId: number): Promise<PendingDelivery[]> {
    return (await this.centre.write(m, await this.extractedInputs(m, reportId))).deliveries;
  }

  private async extractedInputs(db: Pick<EntityManager, 'query'>, reportId: number): Promise<NotificationInput[]> {
    const rules = await loadReminderRules(db);
    if (!rules.events.extracted) return [];
    const r = await this.report(reportId, db);
    if (!r) return [];
    const message = extractedMessage({ unitName: r.unit_name, periodCode: r.period_code, periodName: r.period_name, reportId: r.id, version: r.version, originalName: r.original_name, mentions: r.mentions });
    return this.reportPeople(db, r, `extracted:r${r.id}`, message, 'extraction');
  }

  /** The reason and what to do, to the same people. */
  async failed(reportId: number, reason: string): Promise<number> {
    const rules = await loadReminderRules(this.db);
    if (!rules.events.extractionFailed) return 0;
    const r = await this.report(reportId);
    if (!r) return 0;
    const message = extractionFailedMessage({ unitName: r.unit_name, periodCode: r.period_code, periodName: r.period_name, reportId: r.id, version: r.version, originalName: r.original_name, reason, errorCode: r.error_code });
    return (await this.centre.notify(await this.reportPeople(this.db, r, `failed:r${r.id}`, message, 'extraction', { reason }))).created;
  }

  /** Units flagged cold or declining → their secretaries, with the flag's reason; once per period and flag. */
  async flagged(period: { id: number; code: string; name?: string | null; dueOn: string }, units: FlaggedUnit[]): Promise<number> {
    const rules = await loadReminderRules(this.db);
    const today = localDate(this.clock.now(), this.config.tzReports);
    if (daysBetween(period.dueOn, today) > rules.flagWindowDays) return 0;
    const wanted = units
      .map((u) => ({ unitId: u.unitId, flags: u.flags.filter((f) => (f.code === 'cold' && rules.events.cold) || (f.code === 'declining' && rules.events.declining)) }))
      .filter((u) => u.flags.length);
    if (!wanted.length) return 0;
    const unitIds = wanted.map((u) => u.unitId);
    const unitRows = (await this.db.query(`SELECT id, code, name FROM units WHERE id IN (${inList(unitIds)})`, unitIds)) as { id: number; code: string; name: string }[];
    const secretaries = (await this.db.query(`SELECT id, unit_id FROM users WHERE role = 'secretary' AND disabled = 0 AND unit_id IN (${inList(unitIds)})`, unitIds)) as PersonRow[];
    const groups = await unitsSubscribed(this.db, unitIds, 'flag');
    const inputs: NotificationInput[] = [];
    for (const u of wanted) {
      const unit = unitRows.find((x) => Number(x.id) === u.unitId);
      if (!unit) continue;
      for (const f of u.flags) {
        const message = flagMessage({ kind: f.code as 'cold' | 'declining', unitName: unit.name, unitCode: unit.code, periodCode: period.code, periodName: period.name, reason: f.reason });
        const stage = `flag:${f.code}:${u.unitId}`;
        const data = { unitCode: unit.code, periodCode: period.code, flag: f.code, reason: f.reason };
        for (const s of secretaries.filter((x) => Number(x.unit_id) === u.unitId)) inputs.push({ recipient: { userId: Number(s.id) }, periodId: period.id, unitId: u.unitId, stage, message, data });
        if (groups.has(u.unitId)) inputs.push({ recipient: { unitId: u.unitId }, periodId: period.id, unitId: u.unitId, stage, message, data });
      }
    }
    return (await this.centre.notify(inputs)).created;
  }

  private async report(reportId: number, db: Pick<EntityManager, 'query'> = this.db): Promise<ReportRow | null> {
    const rows = (await db.query(
      `SELECT r.id, r.unit_id, r.period_id, r.version, r.original_name, r.uploaded_by, r.error_code, u.code AS unit_code, u.name AS unit_name, p.code AS period_code, p.name AS period_name,
              (SELECT COUNT(*) FROM mentions m WHERE m.report_id = r.id AND m.state <> 'rejected' AND m.metric_key IS NOT NULL) AS mentions
         FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id WHERE r.id = ?`,
      [reportId],
    )) as ReportRow[];
    return rows[0] ? { ...rows[0], mentions: rows[0].mentions === null ? null : Number(rows[0].mentions) } : null;
  }

  private async reportPeople(
    db: Pick<EntityManager, 'query'>,
    r: ReportRow,
    stage: string,
    message: ReturnType<typeof extractedMessage>,
    category: NotificationCategory,
    extra: Record<string, string> = {},
  ): Promise<NotificationInput[]> {
    const people = (await db.query(`SELECT id FROM users WHERE disabled = 0 AND ((role = 'secretary' AND unit_id = ?) OR id = ?)`, [r.unit_id, r.uploaded_by ?? 0])) as { id: number }[];
    const data = { unitCode: r.unit_code, periodCode: r.period_code, reportId: r.id, ...extra };
    const inputs: NotificationInput[] = people.map((p) => ({ recipient: { userId: Number(p.id) }, periodId: Number(r.period_id), unitId: Number(r.unit_id), reportId: r.id, stage, message, data }));
    if (categoryOf(message.kind) === category && (await unitsSubscribed(db, [Number(r.unit_id)], category)).has(Number(r.unit_id))) {
      inputs.push({ recipient: { unitId: Number(r.unit_id) }, periodId: Number(r.period_id), unitId: Number(r.unit_id), reportId: r.id, stage, message, data });
    }
    return inputs;
  }
}
