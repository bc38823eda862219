import type { SessionUser } from '../session/session';

export type Role = SessionUser['role'];

export interface NavItem {
  path: string;
  zh: string;
  en: string;
  roles: Role[];
}

/** Role-based navigation: each role sees only what it may use. */
export const NAV: NavItem[] = [
  { path: '/dashboard', zh: '上热下冷看板', en: 'Dashboard', roles: ['leader', 'admin'] },
  { path: '/reports', zh: '报告一览', en: 'Reports', roles: ['leader', 'admin'] },
  { path: '/intake', zh: '批量收文', en: 'Bulk intake', roles: ['leader', 'admin'] },
  { path: '/assessment', zh: '年度考核', en: 'Assessment', roles: ['leader', 'admin'] },
  { path: '/my-unit', zh: '本单位报告', en: 'My unit', roles: ['secretary'] },
  { path: '/notifications', zh: '我的通知', en: 'Notifications', roles: ['leader', 'secretary', 'admin'] },
  { path: '/admin/units', zh: '组织架构', en: 'Units', roles: ['admin'] },
  { path: '/admin/users', zh: '用户', en: 'Users', roles: ['admin'] },
  { path: '/admin/periods', zh: '报告周期', en: 'Periods', roles: ['admin'] },
  { path: '/admin/metrics', zh: '指标与权重', en: 'Metrics & weights', roles: ['admin'] },
  { path: '/admin/assessment', zh: '考核细则', en: 'Assessment rules', roles: ['admin'] },
  { path: '/admin/notifications', zh: '通知与提醒', en: 'Notifications & reminders', roles: ['admin'] },
  { path: '/admin/queues', zh: '队列状态', en: 'Queues', roles: ['admin'] },
  { path: '/admin/audit', zh: '审计日志', en: 'Audit log', roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV.filter((n) => n.roles.includes(role));
}

export function homePath(role: Role): string {
  return role === 'secretary' ? '/my-unit' : '/dashboard';
}

export const ROLE_LABEL: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  leader: { zh: '领导', en: 'Leader' },
  secretary: { zh: '支部书记', en: 'Branch secretary' },
};
