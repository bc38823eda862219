import { randomUUID } from 'node:crypto';
import { runWithContext } from '@thermocline/runtime';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';

/**
 * Gives every request an id (a sane incoming X-Request-Id is kept, so a proxy's id carries through),
 * echoes it in the response, and logs one line per request with status and duration.
 */
export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    (req as Request & { requestId?: string }).requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    const ctx = { requestId } as { requestId: string; userId?: number; username?: string };
    res.on('finish', () => {
      if (!req.originalUrl.startsWith('/api/')) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line = { requestId, method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, user: ctx.username };
      if (res.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    });
    runWithContext(ctx, next);
  };
}
