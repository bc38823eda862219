// Endpoints that shared/spec/api.md promises but the api has not published in its OpenAPI document
// yet, written in openapi-typescript's shape so `api.GET('/api/notifications')` is typed today.
// When `npm run openapi && npm run gen:client -w apps/web` brings a path into schema.d.ts, delete
// its entry here (the generated one then rules, and a renamed field breaks the build).

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

export interface NotificationItem {
  id: string | number;
  /** e.g. due_soon, overdue, cold (free text). */
  kind: string;
  title: string;
  body?: string | null;
  createdAt: string;
  readAt: string | null;
  /** Where the notification leads, when it is about a report or a unit (optional). */
  reportId?: number | null;
  unitCode?: string | null;
  periodCode?: string | null;
}

export interface PendingPaths {
  '/api/reminders/run': PathItem<{ post: Op<never, { periodCode: string; unitCode?: string }, { created: number }> }>;
  '/api/notifications': PathItem<{ get: Op<never, never, NotificationItem[]> }>;
  '/api/notifications/{id}/read': PathItem<{ post: Op<never, never, unknown, { id: string }> }>;
}
