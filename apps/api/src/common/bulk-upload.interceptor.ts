import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { AppConfig } from '@thermocline/config';
import { APP_CONFIG } from '@thermocline/server';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { formatSize, readMultipart } from './upload.interceptor';

/** Most files one bulk intake takes (a bureau's branches for one period, with room to spare). */
export const BULK_MAX_FILES = 60;

/**
 * Reads the multipart field `files` (many) into memory for bulk intake, each file capped like a
 * single report upload, so an oversized one is cut off early and answered 413 in words.
 */
@Injectable()
export class BulkUploadInterceptor implements NestInterceptor {
  private readonly max: number;
  private readonly handler: ReturnType<ReturnType<typeof multer>['array']>;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.max = config.upload.maxBytes;
    this.handler = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: this.max + 1, files: BULK_MAX_FILES, fields: 10, fieldSize: 4096, parts: BULK_MAX_FILES + 10 } }).array('files', BULK_MAX_FILES);
  }

  async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    await readMultipart(this.handler, ctx, (code) => {
      if (code === 'LIMIT_FILE_SIZE') return new PayloadTooLargeException(`有文件超过 ${formatSize(this.max)} 的大小限制。请删去文档中的大图片，或把压缩包分成几个再上传`);
      if (code === 'LIMIT_FILE_COUNT' || code === 'LIMIT_PART_COUNT') return new BadRequestException(`一次最多上传 ${BULK_MAX_FILES} 个文件，请分批上传`);
      if (code === 'LIMIT_UNEXPECTED_FILE') return new BadRequestException('请用表单字段 files 上传文件（可多个，或一个 .zip 压缩包）');
      return undefined;
    });
    return next.handle();
  }
}
