// Immutable edits of a 细则 for the rules editor (pure, unit-tested).
import type { components } from '../../../api/schema';

export type Rules = components['schemas']['RulesDto'];
export type RulesItem = components['schemas']['RulesItemDto'];
export type Kind = RulesItem['kind'];

export const DEDUCT_EVENTS: { value: string; zh: string }[] = [
  { value: 'missing_report', zh: '未报送' },
  { value: 'late_report', zh: '报送不及时' },
  { value: 'near_duplicate', zh: '材料雷同' },
  { value: 'unfilled_template', zh: '模板未填写' },
  { value: 'cold', zh: '温度偏冷' },
  { value: 'cadence_not_kept', zh: '自定制度未落实（每项）' },
];

export function totalPoints(rules: Rules): number {
  return Math.round(rules.sections.reduce((s, sec) => s + sec.items.reduce((a, i) => a + (Number(i.points) || 0), 0), 0) * 100) / 100;
}

/** An item switched to another kind keeps id, title and points and gets that kind's defaults. */
export function withKind(item: RulesItem, kind: Kind): RulesItem {
  const base = { id: item.id, title: item.title, points: item.points, kind };
  if (kind === 'reach') return { ...base, metrics: item.metrics ?? [], target: item.target ?? 1, basis: item.basis ?? 'unit', scale: item.scale ?? 'proportional' };
  if (kind === 'deduct') return { ...base, event: item.event ?? 'late_report', perEvent: item.perEvent ?? 1 };
  return { ...base, guide: item.guide ?? '' };
}

export function updateItem(rules: Rules, s: number, i: number, patch: Partial<RulesItem>): Rules {
  return { ...rules, sections: rules.sections.map((sec, si) => (si !== s ? sec : { ...sec, items: sec.items.map((it, ii) => (ii !== i ? it : { ...it, ...patch })) })) };
}

export function removeItem(rules: Rules, s: number, i: number): Rules {
  return { ...rules, sections: rules.sections.map((sec, si) => (si !== s ? sec : { ...sec, items: sec.items.filter((_, ii) => ii !== i) })) };
}

/** A new manual item with an id not used anywhere in the rules. */
export function addItem(rules: Rules, s: number): Rules {
  const used = new Set(rules.sections.flatMap((sec) => sec.items.map((it) => it.id)));
  let n = 1;
  while (used.has(`${rules.sections[s].id}.item${n}`)) n++;
  const item: RulesItem = { id: `${rules.sections[s].id}.item${n}`, title: '新考核项', points: 1, kind: 'manual' };
  return { ...rules, sections: rules.sections.map((sec, si) => (si !== s ? sec : { ...sec, items: [...sec.items, item] })) };
}

export function addSection(rules: Rules): Rules {
  const used = new Set(rules.sections.map((s) => s.id));
  let n = 1;
  while (used.has(`section${n}`)) n++;
  const id = `section${n}`;
  return { ...rules, sections: [...rules.sections, { id, title: '新板块', items: [{ id: `${id}.item1`, title: '新考核项', points: 1, kind: 'manual' }] }] };
}
