import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';

const gzip = compression({ threshold: 1024 });

/** Where the built web app lives (apps/web/dist), found from the api's own location. */
export function webDistDir(): string {
  return join(__dirname, '..', '..', '..', 'web', 'dist');
}

/**
 * Serves the built React app: hashed assets with long caching, and index.html for every other
 * non-/api GET so client-side routes survive a reload. Without a build, `/` explains how to make one.
 */
export function serveWeb(app: NestExpressApplication, dir = webDistDir()): void {
  const index = join(dir, 'index.html');
  const built = existsSync(index);
  // The web bundle is text: compress it (the api's JSON answers are not touched here).
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/') ? next() : gzip(req, res, next)));
  if (built) {
    app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '365d', index: false });
    app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  }
  const html = built ? readFileSync(index) : null;
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
