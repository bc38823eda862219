import { BadRequestException, PayloadTooLargeException, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { RuntimeConfig } from '@thermocline/config';
import { PinoNestLogger } from '@thermocline/server';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { jsonBodyGuard, verifyUtf8 } from './common/json-body';
import { requestContext } from './common/request-context.middleware';
import { mountQueueBoard } from './admin/queue-board';
import { noStoreOnAuth } from './auth/auth.module';
import { setupGate } from './setup/setup-gate';
import { serveWeb } from './web/static';

/** Body-parser failures become messages a person can act on (instead of the parser's English). */
function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') return next(new BadRequestException('请求体不是有效的 JSON'));
  if (type === 'entity.too.large') return next(new PayloadTooLargeException('请求内容过大'));
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return next(new BadRequestException('请求体编码不受支持，请使用 UTF-8'));
  if (type === 'encoding.invalid') return next(new BadRequestException('请求体不是有效的 UTF-8 文本'));
  next(err);
}

export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const doc = new DocumentBuilder()
    .setTitle('Thermocline API')
    .setDescription('意识形态工作责任制落实情况：上报、抽取、上热下冷分析。Bearer token from POST /api/auth/login.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, doc, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/**
 * Builds the api application (not listening yet): used by main.ts, the integration tests and the
 * OpenAPI generator, so all three run exactly the same app.
 */
export async function createApi(config: RuntimeConfig, dataSource: DataSource, logger: Logger): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ config, dataSource, logger }), {
    logger: new PinoNestLogger(logger),
    bodyParser: false,
  });
  // Trust no proxy unless configured: otherwise any client names its own address in X-Forwarded-For.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(requestContext(logger));
  app.use(noStoreOnAuth);
  app.use(setupGate(dataSource));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // antd and ECharts set inline styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // Small JSON bodies only; files come as multipart with their own limits.
  app.useBodyParser('json', { limit: '1mb', verify: verifyUtf8 });
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.use(jsonBodyGuard);
  app.use(bodyParserErrors);
  app.enableCors({ origin: config.env === 'production' ? [config.publicUrl] : true, credentials: false });
  app.setGlobalPrefix('api', { exclude: [] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: false }));
  app.enableShutdownHooks();

  const doc = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false, ui: true });
  mountQueueBoard(app);
  serveWeb(app, undefined, config.tzReports);
  return app;
}
