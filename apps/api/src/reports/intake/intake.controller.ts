import { Body, Controller, HttpCode, Param, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser } from '../../common/access.decorator';
import type { AuthUser } from '../../common/auth-user';
import { BulkUploadInterceptor } from '../../common/bulk-upload.interceptor';
import { BulkUploadDto, ConfirmBatchDto, ConfirmResultDto, IntakeBatchDto } from './intake.dto';
import { IntakeService } from './intake.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/bulk')
export class IntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Post()
  @HttpCode(200)
  @Access({ roles: ['admin', 'leader'] })
  @UseInterceptors(BulkUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: BulkUploadDto })
  @ApiOperation({
    summary: 'Bulk intake: propose a unit for each of many report files (or a .zip of them)',
    description:
      'For a clerk (admin) or leader, over their subtree. Each file gets the content checks of a single upload; a .zip is unpacked under the same limits (names read as GBK unless flagged UTF-8). ' +
      'Each file is read and matched by its title line, addressee, signature and date, and file name against the names of the units in the caller’s subtree (中共/某市 prefixes, abbreviations, Traditional characters). ' +
      'Nothing becomes a report yet: the batch is kept for a day, to be confirmed with POST /api/reports/bulk/{batchId}/confirm. ' +
      'Errors: 400 no period or no file, or more than one zip; 404 unknown period; 413/415/422 for a zip that is too large, corrupt or encrypted (a bad file inside it is an item with status rejected instead).',
  })
  @ApiOkResponse({ type: IntakeBatchDto })
  propose(@CurrentUser() user: AuthUser, @UploadedFiles() files: Express.Multer.File[] | undefined, @Body() body: Record<string, string | undefined>): Promise<IntakeBatchDto> {
    return this.intake.propose(
      user,
      (files ?? []).map((f) => ({ name: f.originalname, bytes: f.buffer })),
      body.periodCode,
    );
  }

  @Post(':batchId/confirm')
  @HttpCode(200)
  @Access({ roles: ['admin', 'leader'] })
  @ApiOperation({
    summary: 'Confirm a bulk intake: create the reports as single uploads would',
    description:
      'Each listed file becomes the next version of its unit’s report (or answers the existing report for the same bytes), queued for extraction, audited with the caller as uploader and the batch id. ' +
      'Files not listed are discarded. A unit outside the caller’s subtree, a rejected or duplicate file is skipped with a reason. ' +
      'Errors: 404 when the batch is unknown, another user’s or older than a day; 409 when it was confirmed already.',
  })
  @ApiOkResponse({ type: ConfirmResultDto })
  confirm(@CurrentUser() user: AuthUser, @Param('batchId') batchId: string, @Body() body: ConfirmBatchDto): Promise<ConfirmResultDto> {
    return this.intake.confirm(user, batchId, body);
  }
}
