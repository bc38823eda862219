import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, CurrentUser } from '../common/access.decorator';
import type { AuthUser } from '../common/auth-user';
import { requireFile, sendDownload } from '../common/files';
import { CreateMentionDto, MentionDto } from '../mentions/dto/mention.dto';
import { MentionsService } from '../mentions/mentions.service';
import { ReportDetailDto, ReportQueryDto, ReportSummaryDto, UploadAcceptedDto, UploadReportDto } from './dto/report.dto';
import { ReportsService } from './reports.service';
import { UploadInterceptor } from '../common/upload.interceptor';

const READ = ['admin', 'leader', 'secretary'] as const;

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly mentions: MentionsService,
  ) {}

  @Post()
  @Access({ roles: ['secretary', 'admin'] })
  @UseInterceptors(UploadInterceptor('file', 'reports'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadReportDto })
  @ApiOperation({ summary: 'Upload a report version. 202 when queued for extraction; 200 with the existing report when these exact bytes were uploaded before.' })
  @ApiAcceptedResponse({ type: UploadAcceptedDto })
  @ApiOkResponse({ type: UploadAcceptedDto, description: 'Duplicate of an existing upload' })
  async upload(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: Record<string, string | undefined>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<UploadAcceptedDto> {
    const bytes = requireFile(file);
    const { accepted, created } = await this.reports.upload(user, bytes, file?.originalname ?? '', body.unitCode, body.periodCode);
    res.status(created ? 202 : 200);
    return accepted;
  }

  @Get()
  @Access({ roles: READ, unit: { from: 'query', name: 'unitCode' } })
  @ApiOperation({ summary: 'Report versions in the caller’s subtree' })
  @ApiOkResponse({ type: [ReportSummaryDto] })
  list(@CurrentUser() user: AuthUser, @Query() q: ReportQueryDto): Promise<ReportSummaryDto[]> {
    return this.reports.list(user, q);
  }

  @Get(':id')
  @Access({ roles: READ })
  @ApiOkResponse({ type: ReportDetailDto })
  detail(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<ReportDetailDto> {
    return this.reports.detail(user, id);
  }

  @Get(':id/mentions')
  @Access({ roles: READ })
  @ApiOkResponse({ type: [MentionDto] })
  mentionsOf(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<MentionDto[]> {
    return this.mentions.list(user, id);
  }

  @Post(':id/mentions')
  @Access({ roles: ['secretary', 'admin'] })
  @ApiOperation({ summary: 'Add a number the extractor missed, from a selection of the report text' })
  @ApiOkResponse({ type: MentionDto })
  addMention(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: CreateMentionDto): Promise<MentionDto> {
    return this.mentions.create(user, id, body);
  }

  @Get(':id/file')
  @Access({ roles: READ })
  @ApiProduces('application/octet-stream')
  @ApiOperation({ summary: 'The original file, always as a download (never shown inline)' })
  async file(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Res() res: Response): Promise<void> {
    const f = await this.reports.original(user, id);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    sendDownload(res, f.bytes, f.name, 'application/octet-stream');
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Access({ roles: ['secretary', 'admin'] })
  @ApiAcceptedResponse({ type: UploadAcceptedDto })
  retry(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number): Promise<UploadAcceptedDto> {
    return this.reports.retry(user, id);
  }
}
