// The comparison answer (one metric for every unit of a scope, ranked) built from columns.
//
// A leader flips between metrics, periods and raw/per-100: each answer is 10,000 units of JSON and
// most are asked for once. So everything that does not depend on the metric is prepared once per
// aggregation stamp — the period's stored rows as columns with every metric's totals
// (`periodColumns`), and per scope the units in display order with the unchanging bytes of each
// unit's JSON (`comparisonBase`) — and an answer is a pass over numbers, one sort and a copy of those
// bytes around two numbers per unit (`comparisonJson`): no objects per unit, no JSON.stringify of
// 10,000 rows, no megabyte string to encode.

import { expectedIn, type SubtreeUnit } from './dashboard.queries';
import type { PeriodEntity } from '@thermocline/db';

/** A stored unit_period_stats row as the comparison reads it. */
export interface ComparisonStatRow {
  unit_id: number;
  status: string;
  temperature: number | string | null;
  /** The tree position when aggregated (null for rows aggregated before it was kept). */
  parent_id: number | null;
  level: number | null;
  /** JSON text: counted total per metric key, as the worker stored it. */
  totals: string | null;
}

/** One period's stored rows as columns, shared by every scope and metric until the next aggregation. */
export interface PeriodColumns {
  rowOf: Map<number, number>;
  status: string[];
  /** NaN where the unit has no temperature. */
  temperature: Float64Array;
  parentId: (number | null)[];
  level: (number | null)[];
  /** Metric key → each row's counted total (0 when the report does not mention it). */
  totals: Map<string, Float64Array>;
}

export function periodColumns(rows: readonly ComparisonStatRow[]): PeriodColumns {
  const n = rows.length;
  const cols: PeriodColumns = { rowOf: new Map(), status: new Array<string>(n), temperature: new Float64Array(n), parentId: new Array(n), level: new Array(n), totals: new Map() };
  rows.forEach((r, i) => {
    cols.rowOf.set(Number(r.unit_id), i);
    cols.status[i] = r.status;
    cols.temperature[i] = r.temperature === null ? NaN : Number(r.temperature);
    cols.parentId[i] = r.parent_id === null ? null : Number(r.parent_id);
    cols.level[i] = r.level === null ? null : Number(r.level);
    if (!r.totals) return;
    const totals = JSON.parse(r.totals) as Record<string, number>;
    for (const key in totals) {
      let column = cols.totals.get(key);
      if (!column) cols.totals.set(key, (column = new Float64Array(n)));
      column[i] = totals[key];
    }
  });
  return cols;
}

/** The units one scope sees in one period, in the order ties are broken (level, then code). */
export interface ComparisonBase {
  count: number;
  /** Row in PeriodColumns, -1 when the unit has no stored row. */
  statRow: Int32Array;
  members: Float64Array;
  /** UTF-8 of every unit's `{"code":…,"name":…,"level":…,"parentCode":…,"memberCount":…,"value":`, unit i at headAt[i]..headAt[i+1]. */
  heads: Buffer;
  headAt: Uint32Array;
  /** UTF-8 of every unit's `,"temperature":…,"status":…}`. */
  tails: Buffer;
  tailAt: Uint32Array;
}

export function comparisonBase(units: readonly SubtreeUnit[], cols: PeriodColumns, period: Pick<PeriodEntity, 'dueOn' | 'closedAt'>, scopeLevel: number): ComparisonBase {
  const codeOf = new Map(units.map((u) => [Number(u.id), u.code]));
  const rows: { code: string; name: string; level: number; parentCode: string | null; members: number; statRow: number }[] = [];
  for (const u of units) {
    const id = Number(u.id);
    const statRow = cols.rowOf.get(id) ?? -1;
    if (!expectedIn(period, u, statRow >= 0)) continue;
    // A closed period keeps the tree position each unit had when it was aggregated.
    const frozen = period.closedAt && statRow >= 0 && cols.level[statRow] !== null;
    const parentId = frozen ? cols.parentId[statRow] : u.parent_id === null ? null : Number(u.parent_id);
    rows.push({
      code: u.code,
      name: u.name,
      level: Number(frozen ? cols.level[statRow] : u.level) - scopeLevel,
      parentCode: parentId === null ? null : (codeOf.get(parentId) ?? null),
      members: Number(u.member_count),
      statRow,
    });
  }
  rows.sort((a, b) => a.level - b.level || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const count = rows.length;
  const heads: string[] = new Array<string>(count);
  const tails: string[] = new Array<string>(count);
  const base = { count, statRow: new Int32Array(count), members: new Float64Array(count), headAt: new Uint32Array(count + 1), tailAt: new Uint32Array(count + 1) };
  rows.forEach((r, i) => {
    base.statRow[i] = r.statRow;
    base.members[i] = r.members;
    heads[i] = `{"code":${JSON.stringify(r.code)},"name":${JSON.stringify(r.name)},"level":${r.level},"parentCode":${JSON.stringify(r.parentCode)},"memberCount":${r.members},"value":`;
    const t = r.statRow >= 0 ? cols.temperature[r.statRow] : NaN;
    tails[i] = `,"temperature":${t === t ? t : 'null'},"status":${JSON.stringify(r.statRow >= 0 ? cols.status[r.statRow] : 'pending')}}`;
    base.headAt[i + 1] = base.headAt[i] + Buffer.byteLength(heads[i]);
    base.tailAt[i + 1] = base.tailAt[i] + Buffer.byteLength(tails[i]);
  });
  return { ...base, heads: Buffer.from(heads.join('')), tails: Buffer.from(tails.join('')) };
}

export interface ComparisonHeader {
  period: string;
  metric: string;
  metricName: string;
  normalize: 'none' | 'per100';
}

/** Longest `<value>,"rank":<rank>,` a unit adds beside its head and tail (a double prints in at most 24 characters). */
const NUMBERS_MAX = 24 + 8 + 10 + 1;

/**
 * The answer as UTF-8 JSON: ComparisonDto with units highest value first (no value last), ties by
 * level then code, equal values sharing a rank. Temperature is never normalised; a metric counts only
 * for units that reported; per 100 members needs a member count. Written by copying each unit's
 * prepared bytes around its two numbers: no string of the whole answer is built or encoded.
 */
export function comparisonJson(base: ComparisonBase, cols: PeriodColumns, header: ComparisonHeader): Buffer {
  const { count, statRow, members } = base;
  const temperature = header.metric === 'temperature';
  const totals = temperature ? undefined : cols.totals.get(header.metric);
  const per100 = header.normalize === 'per100' && !temperature;
  // NaN stands for "no value" (JSON null); the sort key puts it last.
  const values = new Float64Array(count);
  const key = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const row = statRow[i];
    let v = NaN;
    if (row >= 0) {
      if (temperature) v = cols.temperature[row];
      else if (cols.status[row] === 'reported') v = totals ? totals[row] : 0;
    }
    if (per100 && v === v) v = members[i] > 0 ? Math.round((v * 10000) / members[i]) / 100 : NaN;
    values[i] = v;
    key[i] = v === v ? v : -Infinity;
  }
  // Highest first; equal values keep the base's level-then-code order (the index).
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => key[b] - key[a] || a - b);

  const head = `{"period":${JSON.stringify(header.period)},"metric":${JSON.stringify(header.metric)},"metricName":${JSON.stringify(header.metricName)},"normalize":${JSON.stringify(header.normalize)},"units":[`;
  const out = Buffer.allocUnsafe(Buffer.byteLength(head) + base.heads.length + base.tails.length + count * NUMBERS_MAX + 2);
  const { heads, headAt, tails, tailAt } = base;
  let at = out.write(head, 0, 'utf8');
  // Byte loops rather than Buffer#copy/#write: 20,000 calls of those cost more than the bytes.
  const ascii = (text: string) => {
    for (let k = 0; k < text.length; k++) out[at++] = text.charCodeAt(k);
  };
  let rank = 0;
  let previous = NaN;
  for (let n = 0; n < count; n++) {
    const i = order[n];
    const v = values[i];
    if (n > 0) out[at++] = 0x2c; // ,
    for (let k = headAt[i], end = headAt[i + 1]; k < end; k++) out[at++] = heads[k];
    if (v === v) {
      if (v !== previous) rank = n + 1;
      previous = v;
      ascii(`${v},"rank":${rank}`);
    } else ascii('null,"rank":null');
    for (let k = tailAt[i], end = tailAt[i + 1]; k < end; k++) out[at++] = tails[k];
  }
  ascii(']}');
  return out.subarray(0, at);
}

/** Rough bytes held, for the cache's bound. */
export const baseBytes = (b: ComparisonBase): number => b.count * 28 + b.heads.length + b.tails.length;
export const columnsBytes = (c: PeriodColumns): number => c.status.length * (80 + 8 * c.totals.size);
