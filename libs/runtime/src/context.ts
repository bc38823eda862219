import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line and audit entry needs to know about the request or job it belongs to. */
export interface RequestContext {
  requestId: string;
  userId?: number;
  username?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}
