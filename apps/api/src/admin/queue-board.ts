import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import { JobQueues } from '@thermocline/jobs';
import { REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { NextFunction, Request, Response } from 'express';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
const COOKIE = 'tc_queues';

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * bull-board (queue health) for admins. A browser cannot add a bearer header to a page it opens, so
 * an admin asks the api for a one-minute ticket (POST /api/admin/queues/session), opens the page
 * with it, and gets an HttpOnly cookie valid for this path only, for one hour.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const jwt = app.get(JwtService);
  const queues = app.get(JobQueues);
  const redis = app.get<IORedis>(REDIS);
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(queues.queues).map((q) => new BullMQAdapter(q)), serverAdapter: server, options: { uiConfig: { boardTitle: 'Thermocline 队列' } } });

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    try {
      if (ticket) {
        await jwt.verifyAsync(ticket, { algorithms: ['HS256'], audience: 'queue-ticket' });
        const session = await jwt.signAsync({ sub: 'queues' }, { expiresIn: 3600, audience: 'queue-session' });
        res.setHeader('Set-Cookie', `${COOKIE}=${session}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=3600${req.secure ? '; Secure' : ''}`);
        res.redirect(303, `${QUEUE_BOARD_PATH}/`);
        return;
      }
      const session = cookie(req, COOKIE);
      if (!session) throw new Error('no session');
      await jwt.verifyAsync(session, { algorithms: ['HS256'], audience: 'queue-session' });
    } catch {
      res.status(401).type('text/plain; charset=utf-8').send('队列面板需要管理员从“系统管理 → 队列”中打开（登录已过期时请重新打开）');
      return;
    }
    // The board reads everything from Redis: while it is away its api says so (bull-board itself
    // would answer 500 with ioredis's English).
    if (req.path.startsWith('/api/') && redis.status !== 'ready') {
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: '队列服务（Redis）暂时不可用，请稍后重试' });
      return;
    }
    // The board's UI is a bundled React app with inline bootstrapping.
    res.setHeader('Content-Security-Policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline' https:; img-src 'self' data:; font-src 'self' data: https:; frame-ancestors 'self'");
    next();
  };
  app.use(QUEUE_BOARD_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.path === '/session') return next();
    void guard(req, res, next);
  }, server.getRouter());
}

/** A one-minute ticket for an admin to open the board. */
export function queueTicket(jwt: JwtService): Promise<string> {
  return jwt.signAsync({ sub: 'queues' }, { expiresIn: 60, audience: 'queue-ticket' });
}
