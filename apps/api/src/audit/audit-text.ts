// The audit log for people (#16.3): an entry's target by name and its detail as a Chinese line,
// the same on the screen and in the Excel export. Names are looked up when the log is read (a
// renamed unit shows its current name; a deleted one keeps the name its entry recorded).
import { AUDIT_ENTITY_LABELS, labelOf, REPORT_STATUS_LABELS, REVIEW_STATE_LABELS } from '@thermocline/contracts';
import type { DataSource } from 'typeorm';

export interface RawEntry {
  entity: string;
  entityId: string | null;
  detail: Record<string, unknown> | null;
}

const ROLE_ZH: Record<string, string> = { admin: '管理员', leader: '领导', secretary: '书记/联络员' };

const KEY_ZH: Record<string, string> = {
  unitCode: '单位', unit: '单位', periodCode: '周期', version: '版本', late: '逾期', format: '格式', sizeBytes: '大小',
  username: '用户名', role: '角色', name: '名称', parentCode: '上级单位', memberCount: '党员数', key: '指标', value: '数值',
  mentions: '抽取数字', problems: '问题', plans: '计划', ms: '耗时(毫秒)', reason: '原因', runId: '任务', reports: '报告数',
  created: '发出提醒', type: '类型', events: '事件', displayName: '姓名', disabled: '停用', startsOn: '开始', endsOn: '结束',
  dueOn: '截止', code: '编码', category: '类别', enabled: '启用', reportId: '报告',
  host: '邮件服务器', port: '端口', secure: 'SSL/TLS', sender: '发件人', recipient: '收件人', passwordChanged: '修改密码', source: '来源', ok: '成功',
  unclassified: '未归类数字', ip: 'IP 地址', activeFrom: '启用日期', activeUntil: '停用日期', urlChanged: '修改地址', secretChanged: '修改密钥',
  title: '标题', rootName: '根单位名称', rootCode: '根单位编码', requeued: '重新排队', previousCode: '原编码', phrase: '说法', period: '周期',
  note: '备注', names: '名称', item: '条目', added: '新增', totalPoints: '总分', refreshed: '更新',
};

/** The keys detailText words itself rather than by KEY_ZH. */
export const WORDED_KEYS = ['from', 'to', 'state', 'via', 'by', 'firstStart', 'patch', 'sha256'];

/** Whether a detail key has a Chinese label (audit-text.spec.ts checks every key the code writes). */
export const hasKeyLabel = (key: string): boolean => Object.hasOwn(KEY_ZH, key) || WORDED_KEYS.includes(key);

function value(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** One readable line: 状态：排队中 → 已抽取；原因：… — unknown keys keep their name. */
export function detailText(detail: Record<string, unknown> | null, unitNames: ReadonlyMap<string, string> = new Map()): string {
  if (!detail) return '';
  const d = { ...detail };
  const out: string[] = [];
  const unit = (code: unknown) => (typeof code === 'string' ? (unitNames.get(code) ?? code) : value(code));
  if ('from' in d && 'to' in d && typeof d.to === 'string') {
    const from = d.from as unknown;
    if (typeof from === 'string') out.push(`状态：${labelOf(REPORT_STATUS_LABELS, from, 'zh')} → ${labelOf(REPORT_STATUS_LABELS, d.to, 'zh')}`);
    else if (from && typeof from === 'object') out.push(`原值：${value((from as { value?: unknown }).value)}`);
    delete d.from;
    delete d.to;
  }
  if (typeof d.state === 'string') {
    out.push(`核对：${labelOf(REVIEW_STATE_LABELS, d.state, 'zh')}`);
    delete d.state;
  }
  if (d.via === 'import') out.push('通过批量导入');
  if (d.by === 'retry') out.push('重试');
  if (d.firstStart) out.push('首次启动时创建');
  if (d.role) d.role = ROLE_ZH[String(d.role)] ?? d.role;
  if ('patch' in d) out.push(`变更：${value(d.patch)}`);
  for (const k of ['via', 'by', 'firstStart', 'patch', 'sha256']) delete d[k];
  if (typeof d.sizeBytes === 'number') d.sizeBytes = `${Math.max(1, Math.round(d.sizeBytes / 1024))} KB`;
  for (const [k, v] of Object.entries(d)) out.push(`${KEY_ZH[k] ?? k}：${k === 'unitCode' || k === 'unit' || k === 'parentCode' ? unit(v) : value(v)}`);
  return out.join('；');
}

/**
 * The targets of a page of entries by name (user → 姓名（用户名）, unit → its name, report → unit ·
 * period 第 n 版, …), one query per kind of entity on the page.
 */
export async function targetNames(db: DataSource, rows: readonly RawEntry[]): Promise<{ targets: string[]; unitNames: Map<string, string> }> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity && r.entityId).map((r) => r.entityId!))];
  const lookup = async (entity: string, sql: string, times = 1): Promise<Map<string, string>> => {
    const list = ids(entity);
    if (!list.length) return new Map();
    const found = (await db.query(sql, Array.from({ length: times }, () => list))) as { id: string | number; label: string }[];
    return new Map(found.map((f) => [String(f.id), f.label]));
  };
  const unitCodes = [...new Set(rows.flatMap((r) => [r.entity === 'unit' ? r.entityId : null, r.detail?.unitCode, r.detail?.unit, r.detail?.parentCode]).filter((c): c is string => typeof c === 'string'))];
  const unitNames = new Map<string, string>(
    unitCodes.length ? ((await db.query('SELECT code, name FROM units WHERE code IN (?)', [unitCodes])) as { code: string; name: string }[]).map((u) => [u.code, u.name]) : [],
  );
  const names: Record<string, Map<string, string>> = {
    // The first administrator's entry is keyed by user name (written before it had an id).
    user: await lookup('user', "SELECT CASE WHEN CAST(id AS CHAR) IN (?) THEN id ELSE username END AS id, CONCAT(display_name, '（', username, '）') AS label FROM users WHERE CAST(id AS CHAR) IN (?) OR username IN (?)", 3),
    period: await lookup('period', 'SELECT code AS id, name AS label FROM periods WHERE code IN (?)'),
    report: await lookup('report', "SELECT r.id, CONCAT(u.name, ' · ', p.name, ' 第', r.version, '版') AS label FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id WHERE r.id IN (?)"),
    mention: await lookup('mention', "SELECT m.id, CONCAT(u.name, ' · ', p.name, ' · ', COALESCE(md.name, m.metric_key, '未归类')) AS label FROM mentions m JOIN reports r ON r.id = m.report_id JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id LEFT JOIN metric_definitions md ON md.`key` = m.metric_key WHERE m.id IN (?)"),
    metric: await lookup('metric', 'SELECT `key` AS id, name AS label FROM metric_definitions WHERE `key` IN (?)'),
    notification_channel: await lookup('notification_channel', 'SELECT id, name AS label FROM notification_channels WHERE id IN (?)'),
  };
  const targets = rows.map((r) => {
    const kind = labelOf(AUDIT_ENTITY_LABELS, r.entity, 'zh');
    if (!r.entityId) return kind;
    const name =
      r.entity === 'unit' ? unitNames.get(r.entityId) ?? (typeof r.detail?.name === 'string' ? r.detail.name : undefined) : (names[r.entity]?.get(r.entityId) ?? (typeof r.detail?.name === 'string' ? r.detail.name : undefined));
    return name ? `${kind} · ${name}` : `${kind} #${r.entityId}`;
  });
  return { targets, unitNames };
}
