// Pure logic of the org tree: paths, moves, nesting and import planning. No I/O, so every rule is
// unit-tested directly (unit-tree.spec.ts).
import { INVISIBLE_CHARS, invisibleCharsProblem } from '../common/plain-text';

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
  level: number;
  path: string;
  memberCount: number;
  /** First day active (YYYY-MM-DD). */
  activeFrom?: string;
  /** Set when the unit was deleted (it keeps its row and history). */
  activeUntil?: string | null;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const rootPath = (id: number): string => `/${id}/`;
export const childPath = (parentPath: string, id: number): string => `${parentPath}${id}/`;

export function isInSubtree(path: string, rootPathOfSubtree: string): boolean {
  return path.startsWith(rootPathOfSubtree);
}

export interface MovePlan {
  oldPrefix: string;
  newPrefix: string;
  levelDelta: number;
}

/** How a unit's subtree changes when it moves under `newParent`; a message when it cannot. */
export function planMove(unit: TreeUnit, newParent: TreeUnit): MovePlan | { error: string } {
  if (unit.parentId === null) return { error: '根单位不能移动' };
  if (newParent.id === unit.id || isInSubtree(newParent.path, unit.path)) {
    return { error: `不能把「${unit.name}」移动到它自己或它的下级单位之下` };
  }
  return { oldPrefix: unit.path, newPrefix: childPath(newParent.path, unit.id), levelDelta: newParent.level + 1 - unit.level };
}

/** Rewrites one path and level under a move plan (the SQL update does the same per row). */
export function applyMove<T extends Pick<TreeUnit, 'path' | 'level'>>(u: T, plan: MovePlan): T {
  if (!u.path.startsWith(plan.oldPrefix)) return u;
  return { ...u, path: plan.newPrefix + u.path.slice(plan.oldPrefix.length), level: u.level + plan.levelDelta };
}

export interface NestedUnit extends TreeUnit {
  parentCode: string | null;
  children: NestedUnit[];
}

/** Flat rows → nested tree(s), children ordered by code. Rows whose parent is not given become roots. */
export function nest(units: TreeUnit[]): NestedUnit[] {
  const byId = new Map<number, NestedUnit>();
  for (const u of units) byId.set(u.id, { ...u, parentCode: null, children: [] });
  const roots: NestedUnit[] = [];
  for (const n of byId.values()) {
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    if (parent) {
      n.parentCode = parent.code;
      parent.children.push(n);
    } else roots.push(n);
  }
  const sort = (list: NestedUnit[]) => {
    list.sort((a, b) => a.code.localeCompare(b.code));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

// ---------------------------------------------------------------------------------------------
// Import planning

export interface ImportRow {
  /** 1-based row number as the user sees it in their spreadsheet (header = row 1). */
  row: number;
  code: string;
  name: string;
  parentCode: string;
  memberCount: string;
  /** 启用日期 YYYY-MM-DD; empty: the day of the import (new units) or unchanged (existing ones). */
  activeFrom?: string;
}

export interface ImportError {
  row: number;
  message: string;
}

export interface ImportPlan {
  /** New units, parents before children. */
  creates: { code: string; name: string; parentCode: string; memberCount: number; activeFrom: string | null }[];
  /** Existing units whose name, member count, parent or start day change. */
  updates: { id: number; code: string; name: string; memberCount: number; parentCode: string | null; moved: boolean; activeFrom: string | null }[];
  /** A first import adopting the file's root code for the first-start root (see planImport). */
  rootRename: { id: number; from: string; to: string } | null;
  errors: ImportError[];
}

/**
 * A bureau's own list names its root (e.g. `JT000,某县交通运输局党组,,45`). While the tree holds
 * nothing but the root made at first start, the file's only parentless row becomes that root
 * under its own code; otherwise a parentless row must use the existing root's code.
 */
function adoptedRoot(existing: TreeUnit[], rows: ImportRow[], scopeRootPath: string): { id: number; from: string; to: string } | null {
  const root = existing.length === 1 && existing[0].parentId === null ? existing[0] : null;
  const parentless = rows.filter((r) => r.parentCode.trim() === '');
  if (!root || root.path !== scopeRootPath || parentless.length !== 1) return null;
  const to = parentless[0].code.trim();
  return to !== root.code && CODE_PATTERN.test(to) ? { id: root.id, from: root.code, to } : null;
}

/**
 * Validates every row against the file and the existing tree and plans the writes. Any error
 * means nothing is written; all errors are reported at once, each with its row number.
 */
export function planImport(tree: TreeUnit[], rows: ImportRow[], scopeRootPath: string): ImportPlan {
  const rootRename = adoptedRoot(tree, rows, scopeRootPath);
  const existing = rootRename ? tree.map((u) => (u.id === rootRename.id ? { ...u, code: rootRename.to } : u)) : tree;
  const root = existing.find((u) => u.parentId === null && !u.activeUntil);
  const parentlessRows = rows.filter((r) => r.parentCode.trim() === '').length;
  const errors: ImportError[] = [];
  const byCode = new Map(existing.map((u) => [u.code, u]));
  const byId = new Map(existing.map((u) => [u.id, u]));
  const seen = new Map<string, number>();
  const valid: { row: number; code: string; name: string; parentCode: string | null; memberCount: number | null; activeFrom: string | null }[] = [];

  for (const r of rows) {
    const code = r.code.trim();
    const name = r.name.trim();
    const parentCode = r.parentCode.trim();
    const countRaw = r.memberCount.trim();
    const problems: string[] = [];
    if (!code) problems.push('单位编码不能为空');
    else if (!CODE_PATTERN.test(code)) problems.push(`单位编码「${code}」只能包含字母、数字和 - _ .，最长 64 位`);
    if (!name) problems.push('单位名称不能为空');
    else if (name.length > 200) problems.push('单位名称不能超过 200 个字');
    else if (INVISIBLE_CHARS.test(name)) problems.push(invisibleCharsProblem('单位名称'));
    let memberCount: number | null = null;
    if (countRaw !== '') {
      const n = Number(countRaw);
      if (!Number.isInteger(n) || n < 0 || n > 10_000_000) problems.push(`党员数「${countRaw}」必须是不小于 0 的整数`);
      else memberCount = n;
    }
    const activeFrom = (r.activeFrom ?? '').trim();
    if (activeFrom && !isCalendarDate(activeFrom)) problems.push(`启用日期「${activeFrom}」应为 YYYY-MM-DD 格式的日期，如 2026-01-01`);
    if (code && seen.has(code)) problems.push(`单位编码「${code}」与第 ${seen.get(code)} 行重复`);
    const current = byCode.get(code);
    if (current && !isInSubtree(current.path, scopeRootPath)) problems.push(`单位编码「${code}」已被管辖范围外的单位使用`);
    else if (current?.activeUntil) problems.push(`单位编码「${code}」属于已删除的单位（保留其历史数据），请换一个编码`);
    if (code && parentCode === code) problems.push('上级编码不能是单位自己');
    if (!parentCode) {
      if (!current || current.parentId !== null) {
        problems.push(
          root && isInSubtree(root.path, scopeRootPath)
            ? `上级编码不能为空：只有根单位「${root.name}」没有上级，文件中它的单位代码须为「${root.code}」${parentlessRows > 1 ? '，且只能有一行不填上级代码' : ''}；其他单位请填写上级代码`
            : '上级编码不能为空：请填写上级单位的代码',
        );
      }
    } else if (current && current.parentId === null) {
      problems.push('根单位不能设置上级');
    }
    if (code) seen.set(code, r.row);
    if (problems.length) errors.push({ row: r.row, message: problems.join('；') });
    else valid.push({ row: r.row, code, name, parentCode: parentCode || null, memberCount, activeFrom: activeFrom || null });
  }

  const fileCodes = new Map(valid.map((v) => [v.code, v]));
  // Parent checks need the whole file (a parent may come on a later row).
  for (const v of valid) {
    if (v.parentCode === null) continue;
    const inFile = fileCodes.has(v.parentCode) || rows.some((r) => r.code.trim() === v.parentCode);
    const inDb = byCode.get(v.parentCode);
    // Outside the importer's sub-tree reads exactly like missing: the import must not tell which codes exist elsewhere.
    if (!inFile && (!inDb || !isInSubtree(inDb.path, scopeRootPath))) errors.push({ row: v.row, message: `上级编码「${v.parentCode}」不存在或不在您的管辖范围内（文件和您管辖的单位中都没有）` });
  }

  // The final parent of every code after the import, to catch cycles (A→B→A) across file and tree.
  const finalParent = new Map<string, string | null>();
  for (const u of existing) finalParent.set(u.code, u.parentId === null ? null : (byId.get(u.parentId)?.code ?? null));
  for (const v of valid) finalParent.set(v.code, v.parentCode);
  for (const v of valid) {
    const visited = new Set<string>([v.code]);
    let p = v.parentCode;
    while (p !== null && p !== undefined) {
      if (visited.has(p)) {
        errors.push({ row: v.row, message: `上下级关系形成循环（${[...visited, p].join(' → ')}）` });
        break;
      }
      visited.add(p);
      p = finalParent.get(p) ?? null;
    }
  }

  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    return { creates: [], updates: [], rootRename: null, errors };
  }

  const creates: ImportPlan['creates'] = [];
  const updates: ImportPlan['updates'] = [];
  const placed = new Set<string>();
  const depthOf = (code: string): number => {
    let d = 0;
    let p = finalParent.get(code) ?? null;
    while (p !== null) {
      d++;
      p = finalParent.get(p) ?? null;
    }
    return d;
  };
  for (const v of [...valid].sort((a, b) => depthOf(a.code) - depthOf(b.code) || a.row - b.row)) {
    const current = byCode.get(v.code);
    if (!current) {
      creates.push({ code: v.code, name: v.name, parentCode: v.parentCode as string, memberCount: v.memberCount ?? 0, activeFrom: v.activeFrom });
    } else {
      const currentParent = current.parentId === null ? null : (byId.get(current.parentId)?.code ?? null);
      const moved = currentParent !== v.parentCode;
      const memberCount = v.memberCount ?? current.memberCount;
      // An export imported back changes nothing: a start day counts only when it differs.
      const activeFrom = v.activeFrom !== null && v.activeFrom !== current.activeFrom ? v.activeFrom : null;
      if (moved || current.name !== v.name || current.memberCount !== memberCount || activeFrom !== null) {
        updates.push({ id: current.id, code: v.code, name: v.name, memberCount, parentCode: v.parentCode, moved, activeFrom });
      }
    }
    placed.add(v.code);
  }
  return { creates, updates, rootRename, errors: [] };
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
