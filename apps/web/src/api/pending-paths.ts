// Endpoints that shared/spec/api.md promises but the api has not published in its OpenAPI document
// yet, written in openapi-typescript's shape so `api.GET('/api/dashboard/gap', …)` is typed today.
// When `npm run openapi && npm run gen:client -w apps/web` brings a path into schema.d.ts, delete
// its entry here (the generated one then rules, and a renamed field breaks the build).
// Fields marked "web extra" are not in api.md; the UI works without them.
import type { AnalyticsConfig, AnalyticsConfigPatch } from '@thermocline/analytics';
import type { FlagCode } from '@thermocline/contracts';

type Json<T> = { content: { 'application/json': T } };
type Op<Query, Body, Answer, Path = never> = {
  parameters: { query?: Query; header?: never; cookie?: never } & ([Path] extends [never] ? { path?: never } : { path: Path });
} & ([Body] extends [never] ? { requestBody?: never } : { requestBody: Json<Body> }) & {
  responses: { 200: Json<Answer> & { headers: Record<string, unknown> }; default: Json<ApiErrorBody> & { headers: Record<string, unknown> } };
};
type PathItem<M> = { parameters: { query?: never; header?: never; path?: never; cookie?: never } } & M;

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

export interface GapFlag {
  code: FlagCode;
  reason: string;
}

export interface GapUnit {
  code: string;
  name: string;
  /** Absolute level (0 = bureau). */
  level: number;
  parentCode: string | null;
  memberCount: number;
  /** 0..100; null when the report is not yet due. */
  temperature: number | null;
  reportId?: number | null;
  totals: Record<string, number>;
  flags: GapFlag[];
}

export interface GapLevel {
  level: number;
  unitCount: number;
  medianTemperature: number | null;
  attenuation: number | null;
}

export interface GapOverview {
  expected: number;
  received: number;
  onTime: number;
  cold: number;
}

export interface DashboardGap {
  period: string;
  gapDetected: boolean;
  gapIndex: number | null;
  levels: GapLevel[];
  units: GapUnit[];
  /** "plus overview counts" (api.md); computed from `units` when absent. */
  overview?: GapOverview;
}

export interface ComparisonUnit {
  code: string;
  name: string;
  level: number;
  parentCode?: string | null;
  memberCount?: number;
  value: number;
  rank: number;
}

export interface DashboardComparison {
  period?: string;
  metric?: string;
  normalize?: 'none' | 'per100';
  units: ComparisonUnit[];
}

export interface TrendPoint {
  period: string;
  value: number | null;
}

export interface TrendSeries {
  unitCode: string;
  name: string;
  level?: number;
  points: TrendPoint[];
}

export interface DashboardTrend {
  metric?: string;
  /** Period codes oldest first (web extra: derived from the points when absent). */
  periods?: string[];
  series: TrendSeries[];
}

export interface MetricDefinition {
  key: string;
  name: string;
  category: string;
  measureWords?: string[];
  triggers: string[];
  normalization: 'per100' | 'per_unit';
  weight: number;
}

export interface MetricPatch {
  triggers?: string[];
  weight?: number;
}

export interface ReextractRun {
  id: string;
  periodCode: string;
  total: number;
  done: number;
  failed: number;
  state: 'running' | 'finished' | 'failed';
}

export interface NotificationItem {
  id: string | number;
  /** e.g. due_soon, overdue, cold, extracted, failed (free text; shown as a tag). */
  kind: string;
  title: string;
  body?: string | null;
  createdAt: string;
  readAt: string | null;
  /** web extra: where the notification leads (a report id or unit code). */
  reportId?: number | null;
  unitCode?: string | null;
  periodCode?: string | null;
}

export interface PendingPaths {
  '/api/dashboard/gap': PathItem<{ get: Op<{ period: string; unitCode?: string }, never, DashboardGap> }>;
  '/api/dashboard/comparison': PathItem<{
    get: Op<{ period: string; metric: string; normalize?: 'none' | 'per100'; unitCode?: string }, never, DashboardComparison>;
  }>;
  '/api/dashboard/trend': PathItem<{ get: Op<{ unitCode?: string; metric: string; periods?: number }, never, DashboardTrend> }>;
  '/api/metrics': PathItem<{ get: Op<never, never, MetricDefinition[]> }>;
  '/api/metrics/{key}': PathItem<{ put: Op<never, MetricPatch, MetricDefinition, { key: string }> }>;
  '/api/admin/analytics': PathItem<{ get: Op<never, never, AnalyticsConfig>; put: Op<never, AnalyticsConfigPatch, AnalyticsConfig> }>;
  '/api/admin/reextract': PathItem<{ post: Op<never, { periodCode: string }, ReextractRun> }>;
  '/api/admin/reextract/{id}': PathItem<{ get: Op<never, never, ReextractRun, { id: string }> }>;
  '/api/reminders/run': PathItem<{ post: Op<never, { periodCode: string; unitCode?: string }, { created: number }> }>;
  '/api/notifications': PathItem<{ get: Op<never, never, NotificationItem[]> }>;
  '/api/notifications/{id}/read': PathItem<{ post: Op<never, never, unknown, { id: string }> }>;
}
