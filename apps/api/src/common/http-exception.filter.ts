import { ArgumentsHost, Catch, HttpException, HttpStatus, Inject, type ExceptionFilter } from '@nestjs/common';
import { currentContext, isDependencyDown } from '@thermocline/runtime';
import { LOGGER } from '@thermocline/server';
import type { Response } from 'express';
import type { Logger } from 'pino';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Every error answers `{statusCode, error, message}` with a message a person can act on; stacks
 * and SQL stay in the log (with the request id, which the 500 message quotes).
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const requestId = currentContext()?.requestId;
    let status = HttpStatus.INTERNAL_SERVER_ERROR;
    let message: string = `服务器内部错误，请稍后重试；如果问题持续，请把请求编号 ${requestId ?? '-'} 告诉管理员`;
    let extra: Record<string, unknown> = {};

    if (exception instanceof HttpException) {
      status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'string') message = body;
      else if (body && typeof body === 'object') {
        const b = body as Record<string, unknown>;
        const m = b.message;
        message = Array.isArray(m) ? `请求参数有误：${m.join('；')}` : typeof m === 'string' ? m : exception.message;
        extra = Object.fromEntries(Object.entries(b).filter(([k]) => !['message', 'statusCode', 'error'].includes(k)));
      }
      if (status === 413 && /too large/i.test(message)) message = '请求内容过大';
      // ParseIntPipe on an id in the path (/api/reports/1e309, /api/reports/..%2F).
      if (status === 400 && message === 'Validation failed (numeric string is expected)') message = '路径中的编号须为整数';
      if (status >= 500) this.logger.error({ err: exception }, 'request failed');
    } else {
      const down = isDependencyDown(exception);
      if (down) {
        status = HttpStatus.SERVICE_UNAVAILABLE;
        message = down === 'db' ? '数据库暂时不可用，请稍后重试' : '队列服务（Redis）暂时不可用，请稍后重试';
        this.logger.warn({ err: exception }, `dependency down: ${down}`);
      } else if (exception instanceof SyntaxError && (exception as { type?: string }).type === 'entity.parse.failed') {
        status = 400;
        message = '请求体不是有效的 JSON';
      } else if ((exception as { type?: string })?.type === 'entity.too.large') {
        status = 413;
        message = '请求内容过大';
      } else {
        this.logger.error({ err: exception }, 'unhandled error');
      }
    }
    if (res.headersSent) return;
    res.status(status).json({ statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, ...extra });
  }
}
