import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor, mixin, type Type } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG } from '@thermocline/server';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';

export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

type MulterHandler = (req: Request, res: Response, done: (err: unknown) => void) => void;

/**
 * Runs a multer handler for one request. `explain` turns the limit codes the caller cares about
 * into its own words; any other limit, and a malformed form, get the shared answers.
 */
export function readMultipart(handler: MulterHandler, ctx: ExecutionContext, explain: (code: string | undefined) => Error | undefined): Promise<void> {
  const req = ctx.switchToHttp().getRequest<Request>();
  const res = ctx.switchToHttp().getResponse<Response>();
  return new Promise<void>((resolve, reject) => {
    handler(req, res, (err: unknown) => {
      if (!err) return resolve();
      const code = (err as { code?: string }).code;
      const own = explain(code);
      if (own) return reject(own);
      if (code?.startsWith('LIMIT_')) return reject(new BadRequestException('上传的表单字段过多或过长'));
      reject(new BadRequestException('上传的表单格式不正确，请重新选择文件上传'));
    });
  });
}

/**
 * Reads one multipart file field into memory, capped one byte above the limit so an oversized file
 * is cut off early and answered 413 in words a person understands. `limit` picks the configured
 * limit (report uploads) or a fixed one (spreadsheets).
 */
export function UploadInterceptor(field: string, limit: 'reports' | number): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    private readonly max: number;
    private readonly handler: ReturnType<ReturnType<typeof multer>['single']>;

    constructor(@Inject(APP_CONFIG) config: AppConfig) {
      this.max = limit === 'reports' ? config.upload.maxBytes : limit;
      // Browsers send file names as raw UTF-8; busboy's default (latin1) would garble Chinese names.
      this.handler = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: this.max + 1, files: 1, fields: 10, fieldSize: 4096, parts: 20 } }).single(field);
    }

    async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      await readMultipart(this.handler, ctx, (code) => {
        if (code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeException(`文件超过 ${formatSize(this.max)} 的大小限制。请删去文档中的大图片或附件，或另存为 PDF 后再上传`);
        if (code === 'LIMIT_UNEXPECTED_FILE') return new BadRequestException(`请用表单字段 ${field} 上传一个文件`);
        return undefined;
      });
      return next.handle();
    }
  }
  return mixin(Interceptor);
}
