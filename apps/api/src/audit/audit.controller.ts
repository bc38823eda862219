import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@thermocline/config';
import { localDate, wallClock } from '@thermocline/notify';
import { APP_CONFIG } from '@thermocline/server';
import type { Response } from 'express';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { sendDownload } from '../common/files';
import { AUDIT_EXPORT_MAX, auditWorkbook } from './audit-export';
import { AuditService } from './audit.service';
import { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

const pad = (n: number) => String(n).padStart(2, '0');

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'The audit log, newest first: all of it for the bureau’s administrators, the entries by people of their sub-tree for others' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<AuditEntryDto[]> {
    return this.audit.list(user, q);
  }

  @Get('export.xlsx')
  @Access({ roles: ['admin'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The filtered audit log as Excel (same filters and scope as the list; at most 10,000 entries)' })
  async export(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto, @Res() res: Response): Promise<void> {
    const entries: AuditEntryDto[] = [];
    let before = q.before;
    for (;;) {
      const page = await this.audit.list(user, { ...q, before, limit: 500 });
      entries.push(...page);
      if (page.length < 500 || entries.length >= AUDIT_EXPORT_MAX) break;
      before = Number(page[page.length - 1].id);
    }
    const tz = this.config.tzReports;
    const time = (d: Date) => {
      const w = wallClock(d, tz);
      return `${localDate(d, tz)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
    };
    const bytes = await auditWorkbook(entries.slice(0, AUDIT_EXPORT_MAX), time, entries.length > AUDIT_EXPORT_MAX);
    sendDownload(res, bytes, `审计日志-${localDate(new Date(), tz)}.xlsx`);
  }
}
