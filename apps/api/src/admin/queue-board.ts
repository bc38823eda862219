import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '@thermocline/config';
import { UnitEntity, UserEntity } from '@thermocline/db';
import { JobQueues } from '@thermocline/jobs';
import { writeAudit } from '@thermocline/runtime';
import { APP_CONFIG, REDIS } from '@thermocline/server';
import type IORedis from 'ioredis';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

export const QUEUE_BOARD_PATH = '/api/admin/queues';
const COOKIE = 'tc_queues';
/** A ticket is a link to open now: one minute, once. */
export const TICKET_SECONDS = 60;
/** The board's cookie: short, and re-checked against the user on every request. */
export const BOARD_SESSION_SECONDS = 900;

interface BoardClaims {
  sub: string;
  tv: number;
  jti?: string;
}

function cookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

class BoardRefused extends Error {}

/**
 * bull-board (queue health) for admins. A browser cannot add a bearer header to a page it opens, so
 * an admin asks the api for a ticket (POST /api/admin/queues/session), opens the page with it, and
 * gets an HttpOnly cookie for this path only.
 *
 * Ticket and cookie name the admin and their token version: every request re-checks that the user
 * still exists, is enabled, is a bureau admin and has not changed password or been disabled since
 * (finding 6 of issue 13: a disabled admin could still pause the extraction queue). A ticket is
 * redeemed once (Redis SET NX on its id), and every request that changes something (pause, resume,
 * retry, clean, promote, remove…) is written to the audit log under the admin's name.
 */
export function mountQueueBoard(app: NestExpressApplication): void {
  const jwt = app.get(JwtService);
  const queues = app.get(JobQueues);
  const redis = app.get<IORedis>(REDIS);
  const db = app.get(DataSource);
  const config = app.get<AppConfig>(APP_CONFIG);
  const server = new ExpressAdapter();
  server.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({ queues: Object.values(queues.queues).map((q) => new BullMQAdapter(q)), serverAdapter: server, options: { uiConfig: { boardTitle: 'Thermocline 队列' } } });

  /** The admin a ticket or cookie names, if they may still use the board. */
  const boardUser = async (claims: BoardClaims): Promise<{ id: number; username: string }> => {
    if (typeof claims.sub !== 'string' || !/^[1-9]\d{0,9}$/.test(claims.sub) || !Number.isSafeInteger(claims.tv)) throw new BoardRefused();
    const row = await db
      .createQueryBuilder()
      .select(['u.id AS id', 'u.username AS username', 'u.role AS role', 'u.disabled AS disabled', 'u.token_version AS tv', 'u.must_change_password AS mustChange', 'un.level AS level'])
      .from(UserEntity, 'u')
      .innerJoin(UnitEntity, 'un', 'un.id = u.unit_id')
      .where('u.id = :id', { id: Number(claims.sub) })
      .getRawOne<Record<string, string | number>>();
    const ok = row && row.role === 'admin' && Number(row.disabled) === 0 && Number(row.tv) === claims.tv && Number(row.level) === 0 && Number(row.mustChange) === 0;
    if (!ok) throw new BoardRefused();
    return { id: Number(row.id), username: String(row.username) };
  };

  const audit = (user: { id: number; username: string }, action: string, detail: Record<string, string | number>) =>
    writeAudit(db.manager, { action, entity: 'queue', entityId: String(detail.queue ?? ''), detail, actor: { userId: user.id, name: user.username } });

  const guard = async (req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    const ticket = typeof req.query.ticket === 'string' ? req.query.ticket : undefined;
    let user: { id: number; username: string };
    try {
      if (ticket) {
        const claims = await jwt.verifyAsync<BoardClaims>(ticket, { algorithms: ['HS256'], audience: 'queue-ticket' });
        if (typeof claims.jti !== 'string') throw new BoardRefused();
        user = await boardUser(claims);
        const first = await redis.set(`${config.queuePrefix}:queue-ticket:${claims.jti}`, '1', 'EX', TICKET_SECONDS * 2, 'NX');
        if (first !== 'OK') throw new BoardRefused();
        const session = await jwt.signAsync({ sub: claims.sub, tv: claims.tv }, { expiresIn: BOARD_SESSION_SECONDS, audience: 'queue-session' });
        await audit(user, 'queue.board_open', {});
        res.setHeader('Set-Cookie', `${COOKIE}=${session}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${BOARD_SESSION_SECONDS}${req.secure ? '; Secure' : ''}`);
        res.redirect(303, `${QUEUE_BOARD_PATH}/`);
        return;
      }
      const session = cookie(req, COOKIE);
      if (!session) throw new BoardRefused();
      user = await boardUser(await jwt.verifyAsync<BoardClaims>(session, { algorithms: ['HS256'], audience: 'queue-session' }));
    } catch {
      res.status(401).type('text/plain; charset=utf-8').send('队列面板需要管理员从“系统管理 → 队列”中打开（链接只能用一次；登录已过期、密码已修改或账号已停用时请重新登录后再打开）');
      return;
    }
    // The board reads everything from Redis: while it is away its api says so (bull-board itself
    // would answer 500 with ioredis's English).
    if (req.path.startsWith('/api/') && redis.status !== 'ready') {
      res.status(503).json({ statusCode: 503, error: 'Service Unavailable', message: '队列服务（Redis）暂时不可用，请稍后重试' });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Written once the board has answered, with its status: who paused, retried or cleaned what.
      const queue = /^\/api\/queues\/([^/]+)/.exec(req.path)?.[1];
      const detail = { method: req.method, path: req.path.slice(0, 200), ...(queue ? { queue: decodeURIComponent(queue) } : {}) };
      res.on('finish', () => void audit(user, 'queue.board_action', { ...detail, status: res.statusCode }).catch(() => undefined));
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

/** A one-minute, single-use ticket naming the admin and their token version. */
export async function queueTicket(jwt: JwtService, db: DataSource, userId: number): Promise<string> {
  const { tokenVersion } = await db.getRepository(UserEntity).findOneByOrFail({ id: userId });
  return jwt.signAsync({ sub: String(userId), tv: tokenVersion }, { expiresIn: TICKET_SECONDS, audience: 'queue-ticket', jwtid: randomUUID() });
}
