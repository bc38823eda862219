import { addItem, addSection, removeItem, totalPoints, updateItem, withKind, type Rules } from './rules-edit';

const rules: Rules = {
  title: '细则',
  targets: 'annual',
  sections: [{ id: 'org', title: '组织领导', items: [{ id: 'org.item1', title: '甲', points: 5, kind: 'manual' }, { id: 'org.b', title: '乙', points: 2.5, kind: 'deduct', event: 'late_report', perEvent: 1 }] }],
};

it('adds items and sections with ids not used yet, and totals the points', () => {
  const more = addSection(addItem(rules, 0));
  expect(more.sections[0].items.map((i) => i.id)).toEqual(['org.item1', 'org.b', 'org.item2']);
  expect(more.sections[1]).toMatchObject({ id: 'section1', items: [{ id: 'section1.item1' }] });
  expect(totalPoints(more)).toBe(9.5);
  expect(totalPoints(rules)).toBe(7.5);
});

it('edits and removes without touching the original', () => {
  const edited = updateItem(rules, 0, 1, { points: 4 });
  expect(edited.sections[0].items[1].points).toBe(4);
  expect(rules.sections[0].items[1].points).toBe(2.5);
  expect(removeItem(rules, 0, 0).sections[0].items.map((i) => i.id)).toEqual(['org.b']);
});

it('switching kind keeps id, title and points and brings that kind’s fields only', () => {
  const reach = withKind(rules.sections[0].items[1], 'reach');
  expect(reach).toEqual({ id: 'org.b', title: '乙', points: 2.5, kind: 'reach', metrics: [], target: 1, basis: 'unit', scale: 'proportional' });
  expect(withKind(reach, 'manual')).toEqual({ id: 'org.b', title: '乙', points: 2.5, kind: 'manual', guide: '' });
});
