import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';

const gzip = compression({ threshold: 1024 });

type Encoding = 'br' | 'gzip';
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

/** Where the built web app lives (apps/web/dist), found from the api's own location. */
export function webDistDir(): string {
  return join(__dirname, '..', '..', '..', 'web', 'dist');
}

/**
 * The encoding to send from those available, by the request's Accept-Encoding: Brotli when the
 * browser takes it (smaller, and every current browser does), else gzip; q=0 refuses one.
 */
export function chooseEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | null {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const accepts = (e: Encoding) => (q.get(e) ?? (e === 'gzip' ? q.get('x-gzip') : undefined) ?? q.get('*') ?? 0) > 0;
  for (const e of ['br', 'gzip'] as const) if (available.has(e) && accepts(e)) return e;
  return null;
}

/** The .br/.gz siblings the web build wrote (vite.config.ts, precompress), read once at start. */
function precompressed(assets: string): Map<string, Set<Encoding>> {
  const found = new Map<string, Set<Encoding>>();
  if (!existsSync(assets)) return found;
  const names = new Set(readdirSync(assets));
  for (const name of names) {
    for (const e of ['br', 'gzip'] as const) {
      if (names.has(name + SUFFIX[e])) found.set(name, (found.get(name) ?? new Set()).add(e));
    }
  }
  return found;
}

/**
 * The page tells the web app the reporting time zone (TZ_REPORTS): every time on screen is shown
 * in it (apps/web/src/i18n/time.ts). The zone is validated at start-up; it is escaped regardless.
 */
export function withTimeZone(page: string, timeZone: string | undefined): string {
  if (!timeZone) return page;
  const safe = timeZone.replace(/[^A-Za-z0-9_+\-/]/g, '');
  return page.replace('</head>', `<meta name="tc-time-zone" content="${safe}" />\n  </head>`);
}

/**
 * Serves the built React app: hashed assets with long caching (precompressed at build time when
 * the build wrote .br/.gz, compressed on the fly otherwise), and index.html for every other non-/api
 * GET so client-side routes survive a reload. Without a build, `/` explains how to make one.
 */
export function serveWeb(app: NestExpressApplication, dir = webDistDir(), timeZone?: string): void {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  const assets = join(dir, 'assets');
  const ready = precompressed(assets);
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const name = req.path.slice('/assets/'.length);
    const available = ready.get(name);
    if (!available) return next();
    res.setHeader('Vary', 'Accept-Encoding');
    const encoding = chooseEncoding(req.headers['accept-encoding'], available);
    if (!encoding) return next();
    res.setHeader('Content-Encoding', encoding);
    res.type(extname(name));
    res.sendFile(join(assets, name + SUFFIX[encoding]), { immutable: true, maxAge: '365d', acceptRanges: false }, (e) => e && next(e));
  });
  // The web bundle is text: compress what was not precompressed (the api's JSON answers are not touched here).
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? next() : gzip(req, res, next)));
  if (built) {
    app.useStaticAssets(assets, { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
    // The few files at the top of the build (favicon…), looked up in a set: a static middleware on
    // the root would stat the disk for every /api request that passes it.
    const top = new Set(readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'index.html').map((e) => e.name));
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || !top.has(req.path.slice(1))) return next();
      res.sendFile(join(dir, req.path.slice(1)), { maxAge: '1h' }, (e) => e && next(e));
    });
  }
  const html = built ? withTimeZone(readFileSync(index, 'utf8'), timeZone) : null;
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path === '/api') return next();
    if (!html) {
      res.status(503).type('text/plain; charset=utf-8').send('网页尚未构建：请先运行 npm run build（The web app is not built: run npm run build）');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/html; charset=utf-8').send(html);
  });
}
