// The api's reads as hooks (and the loaders the boot script's prefetch shares), one per endpoint,
// typed from the generated schema. Reads a single screen follows in its own way (polling a report
// or a re-extraction, the health page, the period list) call the client where they are.
import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import type { DeliveryChannel, DeliveryStatus } from '../api/types';
import { useApi } from './use-api';

export type Schemas = components['schemas'];
export type Unit = Schemas['UnitDto'];
export type UnitTreeNode = Schemas['UnitTreeNodeDto'];
export type User = Schemas['UserDto'];
export type ReportSummary = Schemas['ReportSummaryDto'];
export type ReportDetail = Schemas['ReportDetailDto'];
export type Mention = Schemas['MentionDto'];
export type AuditEntry = Schemas['AuditEntryDto'];

// units, users, reports, audit
export const useUnits = (enabled = true) => useApi(enabled ? () => ok(api.GET('/api/units')) : null, [enabled]);
export const useUnitTree = () => useApi(() => ok(api.GET('/api/units/tree')), []);
export const useLevelNames = () => useApi(() => ok(api.GET('/api/units/levels')), []);
export const useUnit = (code: string | undefined) =>
  useApi(code ? () => ok(api.GET('/api/units/{code}', { params: { path: { code } } })) : null, [code]);
export const useUsers = () => useApi(() => ok(api.GET('/api/users')), []);
export const useReports = (q: { unitCode?: string; periodCode?: string; latest?: boolean }, enabled = true) =>
  useApi(
    enabled
      ? () =>
          ok(
            api.GET('/api/reports', {
              params: { query: { unitCode: q.unitCode, periodCode: q.periodCode, latest: q.latest ? 'true' : undefined } },
            }),
          )
      : null,
    [q.unitCode, q.periodCode, q.latest, enabled],
  );
export const useReport = (id: number | undefined) =>
  useApi(id ? () => ok(api.GET('/api/reports/{id}', { params: { path: { id } } })) : null, [id]);
export const useMentions = (id: number | undefined) =>
  useApi(id ? () => ok(api.GET('/api/reports/{id}/mentions', { params: { path: { id } } })) : null, [id]);
export interface AuditFilter {
  actor?: string;
  action?: string;
  unitCode?: string;
  from?: string;
  to?: string;
}
export const auditQuery = (f: AuditFilter) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as AuditFilter;
export const useAudit = (f: AuditFilter = {}) =>
  useApi(() => ok(api.GET('/api/audit', { params: { query: { ...auditQuery(f), limit: 200 } } })), [f.actor, f.action, f.unitCode, f.from, f.to]);

// dashboard and analytics
export const useGap = (period: string | undefined) =>
  useApi(period ? () => loadGap(period) : null, [period], `gap:${period}`);
export const loadGap = (period: string) => ok(api.GET('/api/dashboard/gap', { params: { query: { period } } }));
export type Normalize = 'none' | 'per100';
export const comparisonKey = (period: string, metric: string, normalize: Normalize) => `comparison:${period}:${metric}:${normalize}`;
export const loadComparison = (period: string, metric: string, normalize: Normalize) =>
  ok(api.GET('/api/dashboard/comparison', { params: { query: { period, metric, normalize } } }));
export const useComparison = (period: string | undefined, metric: string | undefined, normalize: Normalize) =>
  useApi(period && metric ? () => loadComparison(period, metric, normalize) : null, [period, metric, normalize], period && metric ? comparisonKey(period, metric, normalize) : undefined);
export const useTrend = (unitCode: string | undefined, metric: string | undefined, periods: number) =>
  useApi(
    metric ? () => ok(api.GET('/api/dashboard/trend', { params: { query: { unitCode, metric, periods } } })) : null,
    [unitCode, metric, periods],
  );
export const useHeatmap = (period: string | undefined, maxDepth: number) =>
  useApi(period ? () => ok(api.GET('/api/dashboard/heatmap', { params: { query: { period, maxDepth } } })) : null, [period, maxDepth]);
export const useStanding = (code: string | undefined, period: string | undefined) =>
  useApi(
    code && period ? () => ok(api.GET('/api/dashboard/units/{code}', { params: { path: { code }, query: { period } } })) : null,
    [code, period],
  );
export const loadMetricCatalogue = () => ok(api.GET('/api/metrics'));
export const useMetricCatalogue = () => useApi(loadMetricCatalogue, [], 'metrics');
export const useAnalyticsSettings = () => useApi(() => ok(api.GET('/api/admin/analytics-settings')), []);

// notifications
export type { Notification } from '../api/types';
/** One page of the caller's notifications (newest first); `before` pages on with the previous page's nextBefore. */
export const loadNotifications = (q: { unreadOnly: boolean; before?: number; limit?: number }) =>
  ok(api.GET('/api/notifications', { params: { query: { limit: q.limit ?? 30, before: q.before, unread: q.unreadOnly ? 'true' : undefined } } }));
export const useNotificationPreferences = () => useApi(() => ok(api.GET('/api/notifications/preferences')), []);
export const useChannels = () => useApi(() => ok(api.GET('/api/notification-channels')), []);
/** One page of the delivery log (admin), newest first. */
export const loadDeliveries = (q: { status?: DeliveryStatus; channel?: DeliveryChannel; before?: number; limit?: number }) =>
  ok(api.GET('/api/notification-deliveries', { params: { query: { status: q.status, channel: q.channel, limit: q.limit ?? 50, before: q.before } } }));
/** The reminder rules: {rules, defaults}, each a ReminderRuleSetDto. */
export const useReminderRules = () => useApi(() => ok(api.GET('/api/reminders/rules')), []);
