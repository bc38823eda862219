import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { AuditService } from './audit.service';
import { AuditEntryDto, AuditQueryDto } from './dto/audit.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Access({ roles: ['admin'] })
  @ApiOperation({ summary: 'The audit log, newest first: all of it for the bureau’s administrators, the entries by people of their sub-tree for others' })
  @ApiOkResponse({ type: [AuditEntryDto] })
  list(@CurrentUser() user: AuthUser, @Query() q: AuditQueryDto): Promise<AuditEntryDto[]> {
    return this.audit.list(user, q);
  }
}
