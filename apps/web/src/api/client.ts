// The typed api client: openapi-fetch over the paths generated from the api's OpenAPI document
// (schema.d.ts, `npm run gen:client`); every endpoint the app uses is in the generated document.
// Every request carries the session's bearer token; a 401 ends the session (the app then shows
// the login page with the reason); an active user's token is refreshed half-way through its life.
import createClient, { type Middleware } from 'openapi-fetch';
import { needsRefresh, sessionStore, type SessionStore } from '../session/session';
import type { paths } from './schema';

export type ApiPaths = paths;

/** An api error as the user should see it: the server's (Chinese) message and the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The record does not exist or is outside the caller's scope. */
  get notFound(): boolean {
    return this.status === 404;
  }
}

/** Reads the `{statusCode, error, message}` body the api answers with on errors. */
export function errorMessage(body: unknown, status: number): string {
  if (body && typeof body === 'object' && 'message' in body) {
    const m = (body as { message: unknown }).message;
    if (typeof m === 'string' && m) return m;
    if (Array.isArray(m) && m.length) return m.map(String).join('；');
  }
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  if (status >= 500) return `服务器出错（${status}），请稍后重试；问题持续请联系管理员`;
  return `请求失败（${status}）`;
}

const AUTH_FREE = ['/api/auth/login'];

export function authMiddleware(store: SessionStore, refresh: () => Promise<void>): Middleware {
  let refreshing: Promise<void> | null = null;
  return {
    async onRequest({ request }) {
      const path = new URL(request.url, 'http://x').pathname;
      if (!store.get() || AUTH_FREE.includes(path)) return request;
      if (path !== '/api/auth/refresh') {
        const s = store.get();
        if (s && needsRefresh(s, Date.now()) && !refreshing) {
          refreshing = refresh()
            .catch(() => undefined)
            .finally(() => (refreshing = null));
        }
        // A refresh revokes the token it replaces: wait for it and send the fresh one.
        if (refreshing) await refreshing;
      }
      const s = store.get();
      if (s) request.headers.set('Authorization', `Bearer ${s.token}`);
      return request;
    },
    onResponse({ request, response }) {
      const path = new URL(request.url, 'http://x').pathname;
      const s = store.get();
      // A 401 for a token that has since been replaced (a request in flight across a refresh) does not end the session.
      if (response.status === 401 && !AUTH_FREE.includes(path) && s && request.headers.get('Authorization') === `Bearer ${s.token}`) store.end('expired');
      return response;
    },
  };
}

export const api = createClient<ApiPaths>({ baseUrl: '' });

async function refreshToken(): Promise<void> {
  const { data } = await api.POST('/api/auth/refresh');
  if (data) sessionStore.renew(data);
}

api.use(authMiddleware(sessionStore, refreshToken));

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError carrying the server's message.
 * `const units = await ok(api.GET('/api/units'))`.
 */
export async function ok<T>(p: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let r: { data?: T; error?: unknown; response: Response };
  try {
    r = await p;
  } catch (e) {
    throw new ApiError(0, errorMessage(null, 0), e);
  }
  if (!r.response.ok) throw new ApiError(r.response.status, errorMessage(r.error, r.response.status), r.error);
  return r.data as T;
}

/**
 * An answer the boot script fetched before the app loaded ({status, body}: boot/boot.ts), unwrapped
 * as ok() would: the body, or an ApiError with the api's message; a 401 ends the session.
 */
export async function fromEarly<T>(p: Promise<{ status: number; body: unknown }>, store: SessionStore = sessionStore): Promise<T> {
  let r: { status: number; body: unknown };
  try {
    r = await p;
  } catch (e) {
    throw new ApiError(0, errorMessage(null, 0), e);
  }
  if (r.status === 401 && store.get()) store.end('expired');
  if (r.status < 200 || r.status >= 300) throw new ApiError(r.status, errorMessage(r.body, r.status), r.body);
  return r.body as T;
}

/** Bearer header for the few requests that cannot go through openapi-fetch (upload progress, downloads). */
export function authHeader(): Record<string, string> {
  const s = sessionStore.get();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

/** Downloads a file the api generates (Excel, the original report) under the given name. */
export async function download(path: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, { headers: authHeader() });
  } catch (e) {
    throw new ApiError(0, errorMessage(null, 0), e);
  }
  if (res.status === 401) sessionStore.end('expired');
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new ApiError(res.status, errorMessage(body, res.status), body);
  }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
