import { setupCompleted } from '@thermocline/runtime';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';

export const SETUP_NEEDED_MESSAGE = '尚未完成初始设置：请在浏览器中打开本系统，输入服务器日志中的初始设置码（docker compose logs api）完成设置';

/** Open before setup: the wizard's own endpoints and health (the web app is not under /api). */
const OPEN = /^\/api\/(health|setup)(\/|$)/;

/**
 * Until setup completes, every api route but health and setup answers 503. Completion is final,
 * so once seen (from this process or another) the check costs nothing.
 */
export function setupGate(db: DataSource): (req: Request, res: Response, next: NextFunction) => void {
  let done = false;
  return (req, res, next) => {
    if (done || !(req.path === '/api' || req.path.startsWith('/api/')) || OPEN.test(req.path)) return next();
    setupCompleted(db.manager).then(
      (completed) => {
        done = completed;
        if (completed) return next();
        res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: SETUP_NEEDED_MESSAGE });
      },
      // Database down: the route answers its own 503.
      () => next(),
    );
  };
}
