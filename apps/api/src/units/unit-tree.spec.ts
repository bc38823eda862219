import { applyMove, nest, planImport, planMove, type ImportRow, type TreeUnit } from './unit-tree';

// bureau(1) ─┬─ a(2) ── a1(4)
//            └─ b(3)
const tree: TreeUnit[] = [
  { id: 1, code: 'bureau', name: '局党组', parentId: null, level: 0, path: '/1/', memberCount: 10 },
  { id: 2, code: 'a', name: '机关党委', parentId: 1, level: 1, path: '/1/2/', memberCount: 40 },
  { id: 3, code: 'b', name: '第二党总支', parentId: 1, level: 1, path: '/1/3/', memberCount: 30 },
  { id: 4, code: 'a1', name: '第一支部', parentId: 2, level: 2, path: '/1/2/4/', memberCount: 12 },
];
const row = (n: number, code: string, name: string, parentCode: string, memberCount = ''): ImportRow => ({ row: n, code, name, parentCode, memberCount });

describe('planMove', () => {
  it('rewrites the subtree paths and levels under the new parent', () => {
    const plan = planMove(tree[1], tree[2]);
    expect(plan).toEqual({ oldPrefix: '/1/2/', newPrefix: '/1/3/2/', levelDelta: 1 });
    if ('error' in plan) throw new Error('unexpected');
    expect(applyMove(tree[3], plan)).toMatchObject({ path: '/1/3/2/4/', level: 3 });
    expect(applyMove(tree[2], plan)).toBe(tree[2]);
  });

  it('refuses a move under its own descendant or itself, and moving the root', () => {
    expect(planMove(tree[1], tree[3])).toEqual({ error: expect.stringMatching(/下级单位/) });
    expect(planMove(tree[1], tree[1])).toEqual({ error: expect.stringMatching(/自己/) });
    expect(planMove(tree[0], tree[1])).toEqual({ error: '根单位不能移动' });
  });

  it('moves up a level with a negative delta', () => {
    const plan = planMove(tree[3], tree[0]);
    expect(plan).toEqual({ oldPrefix: '/1/2/4/', newPrefix: '/1/4/', levelDelta: -1 });
  });
});

describe('nest', () => {
  it('builds the tree with parent codes, children sorted by code', () => {
    const [root] = nest([...tree].reverse());
    expect(root.code).toBe('bureau');
    expect(root.children.map((c) => c.code)).toEqual(['a', 'b']);
    expect(root.children[0].children[0]).toMatchObject({ code: 'a1', parentCode: 'a' });
  });
});

describe('planImport', () => {
  it('creates new units parents first, even when the child comes first in the file', () => {
    const plan = planImport(tree, [row(2, 'c1', '丙一支部', 'c', '9'), row(3, 'c', '第三党总支', 'bureau', '20')], '/1/');
    expect(plan.errors).toEqual([]);
    expect(plan.creates.map((c) => c.code)).toEqual(['c', 'c1']);
    expect(plan.creates[1]).toEqual({ code: 'c1', name: '丙一支部', parentCode: 'c', memberCount: 9, activeFrom: null });
  });

  it('updates existing units and marks moves', () => {
    const plan = planImport(tree, [row(2, 'a1', '第一支部（改）', 'b', '15'), row(3, 'b', '第二党总支', 'bureau', '30')], '/1/');
    expect(plan.errors).toEqual([]);
    expect(plan.updates).toEqual([{ id: 4, code: 'a1', name: '第一支部（改）', memberCount: 15, parentCode: 'b', moved: true, activeFrom: null }]);
  });

  it('reports every bad row with its number and plans nothing', () => {
    const plan = planImport(
      tree,
      [
        row(2, 'ok', '好的单位', 'bureau', '5'),
        row(3, '', '无编码', 'bureau'),
        row(4, 'x y', '空格编码', 'bureau'),
        row(5, 'neg', '负数', 'bureau', '-3'),
        row(6, 'orphan', '孤儿', 'nowhere'),
        row(7, 'ok', '重复', 'bureau'),
        row(8, 'noparent', '无上级', ''),
      ],
      '/1/',
    );
    expect(plan.creates).toEqual([]);
    expect(plan.errors.map((e) => e.row)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(plan.errors.find((e) => e.row === 6)?.message).toMatch(/nowhere/);
    expect(plan.errors.find((e) => e.row === 7)?.message).toMatch(/第 2 行重复/);
  });

  it('finds cycles made between the file and the tree', () => {
    const plan = planImport(tree, [row(2, 'a', '机关党委', 'a1')], '/1/');
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0].message).toMatch(/循环/);
  });

  it('refuses codes and parents outside the importing admin’s subtree', () => {
    const plan = planImport(tree, [row(2, 'b', '第二党总支', 'bureau'), row(3, 'new', '新支部', 'b')], '/1/2/');
    expect(plan.errors.map((e) => e.row)).toEqual([2]);
    const plan2 = planImport(tree, [row(2, 'new', '新支部', 'b')], '/1/2/');
    expect(plan2.errors[0].message).toMatch(/不在您的管辖范围/);
  });
});

describe('start days and deleted units in the import', () => {
  const tree = [
    { id: 1, code: 'bureau', name: '局', parentId: null, level: 0, path: '/1/', memberCount: 1 },
    { id: 2, code: 'gone', name: '已撤销支部', parentId: 1, level: 1, path: '/1/2/', memberCount: 1, activeUntil: '2026-01-01' },
  ];
  it('takes a real date, refuses others and refuses the code of a deleted unit', () => {
    const ok = planImport(tree, [{ row: 2, code: 'n', name: '新', parentCode: 'bureau', memberCount: '1', activeFrom: '2025-03-01' }], '/1/');
    expect(ok.creates[0].activeFrom).toBe('2025-03-01');
    const bad = planImport(
      tree,
      [
        { row: 2, code: 'n', name: '新', parentCode: 'bureau', memberCount: '1', activeFrom: '2025-02-30' },
        { row: 3, code: 'gone', name: '又来', parentCode: 'bureau', memberCount: '1' },
      ],
      '/1/',
    );
    expect(bad.errors.map((e) => e.row)).toEqual([2, 3]);
    expect(bad.errors[0].message).toMatch(/启用日期/);
    expect(bad.errors[1].message).toMatch(/已删除/);
  });
});

describe('a real bureau’s first import names its own root', () => {
  const firstStart = [{ id: 1, code: 'bureau', name: '局党组', parentId: null, level: 0, path: '/1/', memberCount: 0 }];
  const row = (n: number, code: string, name: string, parentCode: string, memberCount = '1'): ImportRow => ({ row: n, code, name, parentCode, memberCount });

  it('adopts the only parentless row as the root while the tree holds just the first-start root', () => {
    const plan = planImport(firstStart, [row(2, 'JT000', '某县交通运输局党组', '', '45'), row(3, 'JT001', '局机关党委', 'JT000', '30')], '/1/');
    expect(plan.errors).toEqual([]);
    expect(plan.rootRename).toEqual({ id: 1, from: 'bureau', to: 'JT000' });
    expect(plan.updates).toEqual([expect.objectContaining({ id: 1, code: 'JT000', name: '某县交通运输局党组', memberCount: 45 })]);
    expect(plan.creates).toEqual([expect.objectContaining({ code: 'JT001', parentCode: 'JT000' })]);
  });

  it('otherwise explains in Chinese which root code the file must use', () => {
    const grown = [...firstStart, { id: 2, code: 'a', name: '甲党委', parentId: 1, level: 1, path: '/1/2/', memberCount: 1 }];
    const plan = planImport(grown, [row(2, 'JT000', '某县交通运输局党组', '')], '/1/');
    expect(plan.rootRename).toBeNull();
    expect(plan.errors).toEqual([{ row: 2, message: expect.stringContaining('单位代码须为「bureau」') }]);
    const two = planImport(firstStart, [row(2, 'JT000', '党组', ''), row(3, 'JT009', '另一个', '')], '/1/');
    expect(two.rootRename).toBeNull();
    expect(two.errors.map((e) => e.message)).toEqual([expect.stringContaining('只能有一行不填上级代码'), expect.stringContaining('只能有一行不填上级代码')]);
  });
});
